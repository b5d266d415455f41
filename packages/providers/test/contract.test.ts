/**
 * One table-driven contract over every preset: endpoints, API base, env names, default
 * scope, and each option's authorization parameters, against Flask-Dance's table
 * (shared/reference/flask-dance-providers.md) and each provider's documented endpoints.
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, type OAuth2ProviderDefinition } from "@dance/core";
import * as presets from "@dance/providers";

interface Contract {
  make: (options?: Record<string, unknown>) => OAuth2ProviderDefinition;
  id: string;
  protocol: "oauth2" | "oidc";
  authorizationUrl: string;
  tokenUrl: string;
  apiBaseUrl: string;
  /** Flask-Dance's endpoints where the provider now documents others (kept for the record). */
  flaskDance?: { authorizationUrl: string; tokenUrl: string };
  defaultScope: string | null;
  /** option → expected authorization parameters (null = absent). */
  options: [Record<string, unknown>, Record<string, string | null>][];
  /** The provider's own documentation the endpoints were checked against. */
  docs: string;
}

const contracts: Contract[] = [
  {
    make: presets.github as Contract["make"],
    id: "github",
    protocol: "oauth2",
    authorizationUrl: "https://github.com/login/oauth/authorize",
    tokenUrl: "https://github.com/login/oauth/access_token",
    apiBaseUrl: "https://api.github.com/",
    defaultScope: null,
    options: [
      [{}, { allow_signup: null, login: null }],
      [{ allowSignup: false, login: "octocat" }, { allow_signup: "false", login: "octocat" }],
      [{ scope: ["read:user", "repo"] }, { scope: "read:user repo" }],
    ],
    docs: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
  },
  {
    make: presets.google as Contract["make"],
    id: "google",
    protocol: "oidc",
    // Google's discovery document (accounts.google.com/.well-known/openid-configuration) lists these.
    authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    apiBaseUrl: "https://www.googleapis.com/",
    flaskDance: { authorizationUrl: "https://accounts.google.com/o/oauth2/auth", tokenUrl: "https://accounts.google.com/o/oauth2/token" },
    defaultScope: "https://www.googleapis.com/auth/userinfo.profile",
    options: [
      [{}, { access_type: null, prompt: null, hd: null }],
      [{ offline: true }, { access_type: "offline" }],
      [{ repromptConsent: true }, { prompt: "consent" }],
      [{ repromptSelectAccount: true }, { prompt: "select_account" }],
      [{ repromptConsent: true, repromptSelectAccount: true }, { prompt: "consent select_account" }],
      [{ hostedDomain: "example.com" }, { hd: "example.com" }],
      [{ scope: ["openid", "email"] }, { scope: "openid email" }],
    ],
    docs: "https://developers.google.com/identity/openid-connect/openid-connect",
  },
];

const secret = "contract-test-secret-0123456789abcdef";

async function loginUrl(definition: OAuth2ProviderDefinition): Promise<URL> {
  const dance = createDance({ secret, providers: [definition], env: {} });
  const { url } = await dance.beginLogin(new Request("https://app.test/"), definition.id);
  return url;
}

describe.each(contracts)("provider $id", (c) => {
  const creds = { clientId: "the-id", clientSecret: "the-secret" };

  it("has its id, protocol, endpoints and API base", () => {
    const def = c.make(creds);
    expect(def.id).toBe(c.id);
    expect(def.protocol).toBe(c.protocol);
    expect(def.authorizationUrl).toBe(c.authorizationUrl);
    expect(def.tokenUrl).toBe(c.tokenUrl);
    expect(def.apiBaseUrl).toBe(c.apiBaseUrl);
    if (c.flaskDance) expect(c.flaskDance.authorizationUrl).not.toBe(def.authorizationUrl);
  });

  it("sends the Flask-Dance query: response_type, client_id, redirect_uri, scope, state, S256", async () => {
    const url = await loginUrl(c.make(creds));
    expect(url.origin + url.pathname).toBe(c.authorizationUrl);
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe("the-id");
    expect(q.get("redirect_uri")).toBe(`https://app.test/login/${c.id}/authorized`);
    expect(q.get("scope")).toBe(c.defaultScope);
    expect(q.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("code_challenge_method")).toBe("S256");
  });

  it.each(c.options)("maps options %j to %j", async (options, expected) => {
    const url = await loginUrl(c.make({ ...creds, ...options }));
    for (const [name, value] of Object.entries(expected)) expect([name, url.searchParams.get(name)]).toEqual([name, value]);
  });

  it(`reads ${c.id.toUpperCase()}_OAUTH_CLIENT_ID / _SECRET from the environment`, async () => {
    const env = { [`${c.id.toUpperCase()}_OAUTH_CLIENT_ID`]: "from-env", [`${c.id.toUpperCase()}_OAUTH_CLIENT_SECRET`]: "env-secret" };
    const dance = createDance({ secret, providers: [c.make()], env });
    const { url } = await dance.beginLogin(new Request("https://app.test/"), c.id);
    expect(url.searchParams.get("client_id")).toBe("from-env");
  });

  it("fails at start-up naming the variable to set when credentials are missing", () => {
    expect(() => createDance({ secret, providers: [c.make()], env: {} })).toThrow(DanceConfigError);
    expect(() => createDance({ secret, providers: [c.make()], env: {} })).toThrow(`${c.id.toUpperCase()}_OAUTH_CLIENT_ID`);
  });

  it("is plain data: the factory returns a fresh object and never shares state", () => {
    const a = c.make(creds);
    const b = c.make(creds);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });
});

describe("github quirks", () => {
  it("turns HTTP 200 token errors into the 400 they are", async () => {
    const def = presets.github({ clientId: "a", clientSecret: "b" });
    const rewritten = await def.hooks!.tokenResponse!(
      Response.json({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired." }),
    );
    expect(rewritten.status).toBe(400);
    expect(await rewritten.json()).toMatchObject({ error: "bad_verification_code" });
    const ok = await def.hooks!.tokenResponse!(Response.json({ access_token: "x", token_type: "bearer" }));
    expect(ok.status).toBe(200);
  });
});

describe("google offline", () => {
  it("enables automatic refresh only with offline", () => {
    expect(presets.google({ offline: true }).refresh).toBe(true);
    expect(presets.google().refresh).toBe(false);
  });
});

describe("oidc()", () => {
  it("asks for consent when offline_access is requested (OIDC Core §11), unless a prompt is set", () => {
    const base = { id: "op", issuer: "https://op.test" };
    expect(presets.oidc({ ...base, scope: ["openid", "offline_access"] }).authorizationParams).toEqual({ prompt: "consent" });
    expect(presets.oidc({ ...base, scope: "openid offline_access", authorizationParams: { prompt: "login" } }).authorizationParams).toEqual({ prompt: "login" });
    expect(presets.oidc(base).authorizationParams).toBeUndefined();
  });
});
