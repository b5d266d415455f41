/// <reference types="vite/client" />
/**
 * One table-driven contract over every preset: endpoints, API base, env names, default
 * scope, and each option's authorization parameters, against Flask-Dance's table
 * (shared/reference/flask-dance-providers.md) and each provider's documented endpoints.
 * The presets are found from the package's files, so a new preset without a contract fails.
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, type OAuth2ProviderDefinition } from "@dance/core";
import type { Contract, PresetFactory } from "./contract.js";
import * as presets from "@dance/providers";

/** Every preset file of src/ (the package's `./*` subpath exports), by id; the generic factories are not presets. */
const FACTORIES = new Set(["index", "oauth2", "oidc"]);
const sources = import.meta.glob<Record<string, unknown>>("../src/*.ts", { eager: true });
const presetFiles = new Map(
  Object.entries(sources)
    .map(([path, module]) => [path.slice("../src/".length, -".ts".length), module] as const)
    .filter(([id]) => !FACTORIES.has(id)),
);
const contractFiles = import.meta.glob<{ default: Contract }>("./contracts/*.ts", { eager: true });
const contracts = Object.entries(contractFiles).map(([path, module]) => ({ file: path.slice("./contracts/".length, -".ts".length), ...module.default }));
/** The factory a preset file exports: its id in camelCase (`github` → github, `microsoft-entra-id` → microsoftEntraId). */
const factoryName = (id: string) => id.replace(/[-_]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const factoryOf = (id: string) => presetFiles.get(id)?.[factoryName(id)] as PresetFactory;

describe("the catalogue", () => {
  it("has a contract for every preset file, and a preset for every contract", () => {
    expect([...presetFiles.keys()].sort()).toEqual(contracts.map((c) => c.file).sort());
    for (const c of contracts) expect(c.id, `contracts/${c.file}.ts`).toBe(c.file);
  });

  it("exports every preset from the barrel under its factory name, and each file exports its factory", () => {
    for (const id of presetFiles.keys()) {
      expect(typeof factoryOf(id), `src/${id}.ts exports ${factoryName(id)}()`).toBe("function");
      expect((presets as Record<string, unknown>)[factoryName(id)], `index.ts exports ${factoryName(id)}`).toBe(factoryOf(id));
    }
  });
});

const secret = "contract-test-secret-0123456789abcdef";

async function loginUrl(definition: OAuth2ProviderDefinition): Promise<URL> {
  const dance = createDance({ secret, providers: [definition], env: {} });
  const { url } = await dance.beginLogin(new Request("https://app.test/"), definition.id);
  return url;
}

describe.each(contracts)("provider $id", (contract) => {
  const c = { ...contract, make: factoryOf(contract.id) };
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
    const rewritten = def.hooks!.tokenResponse!({
      status: 200,
      body: { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." },
    });
    expect(rewritten.status).toBe(400);
    expect(rewritten.body).toMatchObject({ error: "bad_verification_code" });
    const ok = def.hooks!.tokenResponse!({ status: 200, body: { access_token: "x", token_type: "bearer" } });
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
