import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, loginAtProvider } from "../src/client.js";
import { confidentialClient, startOidcProvider, type RunningOidcProvider } from "../src/oidc-provider.js";

const CALLBACK = "http://127.0.0.1:3000/cb";
const CLIENT = confidentialClient({ clientId: "app", clientSecret: "app-secret-0123456789-0123456789", redirectUris: [CALLBACK] });

function authorizationUrl(op: RunningOidcProvider, params: Record<string, string>): URL {
  const url = new URL(op.endpoints.authorization);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: "app", redirect_uri: CALLBACK, ...params })) url.searchParams.set(k, v);
  return url;
}

describe("startOidcProvider", () => {
  let op: RunningOidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({ clients: [CLIENT], accounts: { ada: { name: "Ada Lovelace" } } });
  });
  afterAll(() => op?.close());

  it("serves discovery on 127.0.0.1 with iss responses, S256-only PKCE, userinfo and revocation", async () => {
    expect(op.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(op.url.href).toBe(`${op.issuer}/`);
    const metadata = await (await fetch(op.endpoints.discovery)).json();
    expect(metadata).toMatchObject({
      issuer: op.issuer,
      authorization_endpoint: op.endpoints.authorization,
      token_endpoint: op.endpoints.token,
      userinfo_endpoint: op.endpoints.userinfo,
      revocation_endpoint: op.endpoints.revocation,
      jwks_uri: op.endpoints.jwks,
      authorization_response_iss_parameter_supported: true,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "offline_access"]));
  });

  it("requires PKCE", async () => {
    const response = await fetch(authorizationUrl(op, { scope: "openid", state: "s" }), { redirect: "manual" });
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(CALLBACK);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("iss")).toBe(op.issuer);
  });

  it("logs in any name through its dev pages; offline_access with prompt=consent yields a refresh token", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const browser = createBrowser();
    const { callbackUrl } = await loginAtProvider(
      browser,
      authorizationUrl(op, { scope: "openid profile email offline_access", prompt: "consent", state: "s1", code_challenge: challenge, code_challenge_method: "S256" }),
      { login: "ada" },
    );
    expect(callbackUrl.searchParams.get("state")).toBe("s1");
    const token = await fetch(op.endpoints.token, {
      method: "POST",
      headers: { authorization: `Basic ${btoa("app:app-secret-0123456789-0123456789")}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code: callbackUrl.searchParams.get("code")!, redirect_uri: CALLBACK, code_verifier: verifier }),
    });
    expect(token.status).toBe(200);
    const body = await token.json();
    expect(body).toMatchObject({ token_type: "Bearer", refresh_token: expect.any(String), id_token: expect.any(String) });
    expect(body.scope.split(" ").sort()).toEqual(["email", "offline_access", "openid", "profile"]);
    const me = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(await me.json()).toEqual({ sub: "ada", name: "Ada Lovelace", preferred_username: "ada", email: "ada@example.test", email_verified: true });
  });

  it("refuses invalid client metadata at start-up, and close() can be called twice", async () => {
    await expect(startOidcProvider({ clients: [{ client_id: "x", client_secret: "secret", redirect_uris: ["not a url"] }] })).rejects.toThrow(/client "x" is invalid: redirect_uris/);
    await expect(startOidcProvider({ clients: [] })).rejects.toThrow(TypeError);
    const other = await startOidcProvider({ clients: [CLIENT] });
    await other.close();
    await other.close();
    await expect(fetch(other.endpoints.discovery)).rejects.toThrow();
  });
});
