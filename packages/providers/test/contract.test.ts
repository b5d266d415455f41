/// <reference types="vite/client" />
/**
 * One table-driven contract over every preset, against Flask-Dance's table
 * (shared/reference/flask-dance-providers.md) and each provider's documented endpoints: the
 * authorization URL for the defaults and for each option, the token request (client
 * authentication, PKCE), the headers of an API call, the env names, the refresh behaviour
 * table, a provider error mapped to a clean DanceError — and a whole dance against the
 * preset's fake (`fakeProvider(preset)` of @dance/testing). The presets are found from the
 * package's files, so a new preset without a contract fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDance, DanceConfigError, DanceError, envPrefix, MemoryStorage, type OAuth2ProviderDefinition } from "@dance/core";
import { createBrowser, fakeProvider, type PresetFake } from "@dance/testing";
import type { Contract, PresetFactory } from "./contract.js";
import * as presets from "@dance/providers";

/** Every preset file of src/ (the package's `./*` subpath exports), by id; the generic factories and `_` helpers are not presets. */
const FACTORIES = new Set(["index", "oauth2", "oidc", "oauth1"]);
const sources = import.meta.glob<Record<string, unknown>>("../src/*.ts", { eager: true });
const presetFiles = new Map(
  Object.entries(sources)
    .map(([path, module]) => [path.slice("../src/".length, -".ts".length), module] as const)
    .filter(([id]) => !FACTORIES.has(id) && !id.startsWith("_")),
);
const contractFiles = import.meta.glob<{ default: Contract }>("./contracts/*.ts", { eager: true });
const contracts = Object.entries(contractFiles)
  .map(([path, module]) => ({ file: path.slice("./contracts/".length, -".ts".length), ...module.default }))
  .filter((c) => c.protocol === "oauth2" || c.protocol === "oidc");
/** The factory a preset file exports: its id in camelCase (`github` → github, `microsoft-entra-id` → microsoftEntraId). */
const factoryName = (id: string) => id.replace(/[-_]([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^(\d)/, "_$1");
const factoryOf = (id: string) => presetFiles.get(id)?.[factoryName(id)] as PresetFactory;

describe("the catalogue", () => {
  it("has a contract for every preset file, and a preset for every contract", () => {
    const all = Object.keys(contractFiles).map((path) => path.slice("./contracts/".length, -".ts".length));
    expect([...presetFiles.keys()].sort()).toEqual(all.sort());
    for (const [path, module] of Object.entries(contractFiles)) expect(module.default.id, path).toBe(path.slice("./contracts/".length, -".ts".length));
  });

  it("exports every preset from the barrel under its factory name, and each file exports its factory", () => {
    for (const id of presetFiles.keys()) {
      expect(typeof factoryOf(id), `src/${id}.ts exports ${factoryName(id)}()`).toBe("function");
      expect((presets as Record<string, unknown>)[factoryName(id)], `index.ts exports ${factoryName(id)}`).toBe(factoryOf(id));
    }
  });
});

const secret = "contract-test-secret-0123456789abcdef";
const APP = "https://app.test";
const creds = { clientId: "the-id", clientSecret: "the-secret" };

/** The provider's documented endpoints, for presets that discover them (served by their fake). */
const documented = (c: Contract) => ({ authorizationUrl: c.authorizationUrl, tokenUrl: c.tokenUrl, ...(c.apiBaseUrl ? { userinfoUrl: `${c.apiBaseUrl}userinfo` } : {}) });

/**
 * The authorization URL a login with `definition` redirects to. Presets with pinned endpoints
 * need no network; presets that discover theirs discover them from a fake serving the
 * documented endpoints, and the URL is given back as the provider's (`https://…`).
 */
async function loginUrl(definition: OAuth2ProviderDefinition, c: Contract): Promise<URL> {
  const pinned = Boolean(definition.authorizationUrl && definition.tokenUrl);
  const fake = pinned ? undefined : await fakeProvider(definition, { metadata: documented(c) });
  try {
    const dance = createDance({ secret, providers: [fake?.provider ?? definition], env: {}, warn: () => {} });
    const { url } = await dance.beginLogin(new Request(`${APP}/`), definition.id);
    return fake ? new URL(url.href.replace(`${fake.url}/`, "https://")) : url;
  } finally {
    await fake?.close();
  }
}

describe.each(contracts)("provider $id", (contract) => {
  const make = (options: Record<string, unknown> = {}) => factoryOf(contract.id)({ ...contract.required, ...options });
  const env = contract.env ?? { clientId: `${envPrefix(contract.id)}_OAUTH_CLIENT_ID`, clientSecret: `${envPrefix(contract.id)}_OAUTH_CLIENT_SECRET` };

  it("has its id, protocol, endpoints (or an issuer to discover them from), API base, docs and refresh table", () => {
    const def = make(creds);
    expect({ id: def.id, protocol: def.protocol }).toEqual({ id: contract.id, protocol: contract.protocol });
    if (def.authorizationUrl || def.tokenUrl) {
      expect({ authorizationUrl: def.authorizationUrl, tokenUrl: def.tokenUrl, apiBaseUrl: def.apiBaseUrl ?? null }).toEqual({
        authorizationUrl: contract.authorizationUrl,
        tokenUrl: contract.tokenUrl,
        apiBaseUrl: contract.apiBaseUrl,
      });
    } else {
      expect(def.protocol).toBe("oidc");
      expect(def.issuer, "an issuer to discover the endpoints from").toMatch(/^https:\/\//);
      expect(def.discovery).not.toBe(false);
    }
    expect(def.clientAuth ?? "client_secret_basic").toBe(contract.clientAuth);
    expect(def.tokenScheme ?? "Bearer").toBe(contract.tokenScheme ?? "Bearer");
    expect(def.facts?.docs).toBe(contract.docs);
    expect(def.facts?.refresh).toEqual(contract.refresh);
    expect(def.name, "a display name").toBeTruthy();
    // Recorded Flask-Dance endpoints must differ from the preset's in at least one of the two (Dropbox moved only its token endpoint).
    if (contract.flaskDance) expect(contract.flaskDance).not.toEqual({ authorizationUrl: def.authorizationUrl, tokenUrl: def.tokenUrl });
  });

  it("sends the Flask-Dance query: response_type, client_id, redirect_uri, scope, state, S256", async () => {
    const url = await loginUrl(make(creds), contract);
    expect(url.origin + url.pathname).toBe(contract.authorizationUrl.split("?")[0]);
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe("the-id");
    expect(q.get("redirect_uri")).toBe(`${APP}/login/${contract.id}/authorized`);
    expect(q.get("scope")).toBe(contract.defaultScope);
    expect(q.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // PKCE S256 on every login, unless the preset is for a provider that refuses it (documented in its file).
    expect(q.get("code_challenge_method")).toBe(make(creds).pkce === false ? null : "S256");
  });

  it.each(contract.options)("maps options %j to %j", async (options, expected) => {
    const url = await loginUrl(make({ ...creds, ...options }), contract);
    for (const [name, value] of Object.entries(expected)) expect([name, url.searchParams.get(name)]).toEqual([name, value]);
  });

  it(`reads ${env.clientId} / ${env.clientSecret} from the environment, and names them when they are missing`, async () => {
    const dance = createDance({ secret, providers: [make()], env: { [env.clientId]: "from-env", [env.clientSecret]: "env-secret" } });
    const session = await dance.session(new Request(`${APP}/`), contract.id);
    expect(session.loginUrl).toBe(`/login/${contract.id}`);
    const url = await loginUrl(make({ clientId: "from-env", clientSecret: "env-secret" }), contract);
    expect(url.searchParams.get("client_id")).toBe("from-env");
    expect(() => createDance({ secret, providers: [make()], env: {} })).toThrow(DanceConfigError);
    expect(() => createDance({ secret, providers: [make()], env: {} })).toThrow(env.clientId);
  });

  it("is plain data: the factory returns a fresh object and never shares state", () => {
    const a = make(creds);
    const b = make(creds);
    expect(a).not.toBe(b);
    // Hooks are functions (some keep per-instance state, as Apple's minted secret): compare their names.
    const data = (def: OAuth2ProviderDefinition) => ({ ...def, hooks: Object.keys(def.hooks ?? {}).sort() });
    expect(data(a)).toEqual(data(b));
  });

  describe("against its fake", () => {
    let fake: PresetFake;
    beforeAll(async () => {
      fake = await fakeProvider(make(creds), { metadata: documented(contract) });
    });
    afterAll(() => fake?.close());

    async function dance() {
      fake.reset();
      const storage = new MemoryStorage();
      const d = createDance({ secret, storage, providers: [fake.provider], warn: () => {} });
      const browser = createBrowser({ handlers: { [APP]: d.handler } });
      const login = await browser.get(`${APP}/login/${contract.id}`);
      expect(login.status).toBe(302);
      const answer = await fake.callback(browser.locationOf(login)!);
      // A form_post callback is a cross-site POST: the browser sends no SameSite=Lax cookie with it.
      const carried = answer.method === "POST" ? await d.handler(new Request(answer.url, { method: "POST", body: answer.form })) : undefined;
      if (carried) expect(carried.status, "a cross-site POST is carried to a same-origin GET").toBe(303);
      const back = await browser.get(carried ? new URL(carried.headers.get("location")!, APP) : answer.url);
      return { d, browser, storage, back };
    }

    it("completes a whole dance: the token request authenticates as the provider wants, with PKCE; the token is stored", async () => {
      const { back, storage } = await dance();
      expect(back.status, await back.clone().text()).toBe(302);
      expect(storage.entries().get(contract.id)?.access_token).toMatch(/^at-/);
      const [tokenRequest] = fake.tokenRequests;
      expect(tokenRequest?.form.get("grant_type")).toBe("authorization_code");
      if (make(creds).pkce === false) expect(tokenRequest?.form.has("code_verifier")).toBe(false);
      else expect(tokenRequest?.form.get("code_verifier")).toMatch(/^[\w.~-]{43,128}$/);
      const basic = /^basic /i.test(String(tokenRequest?.headers.authorization ?? ""));
      expect({ basic, secretInBody: tokenRequest?.form.has("client_secret") }).toEqual({
        basic: contract.clientAuth === "client_secret_basic",
        secretInBody: contract.clientAuth === "client_secret_post",
      });
    });

    if (contract.apiBaseUrl !== null) it("sends API calls with its token scheme and headers", async () => {
      const { d, browser, storage } = await dance();
      const session = await d.session(browser.request(`${APP}/`), contract.id);
      const response = await session.fetch("dance-contract-probe");
      expect(response.status).toBe(200);
      const call = fake.apiRequests.at(-1)!;
      expect(call.headers.authorization).toBe(`${contract.tokenScheme ?? "Bearer"} ${storage.entries().get(contract.id)!.access_token}`);
      for (const [name, value] of Object.entries(contract.apiHeaders ?? {})) expect(call.headers[name.toLowerCase()], name).toMatch(value);
    });

    it("maps a token endpoint refusal to token_exchange_failed with the provider's words", async () => {
      fake.reset();
      const d = createDance({ secret, storage: new MemoryStorage(), providers: [fake.provider], warn: () => {} });
      const browser = createBrowser({ handlers: { [APP]: d.handler } });
      const login = await browser.get(`${APP}/login/${contract.id}`);
      const answer = await fake.callback(browser.locationOf(login)!);
      fake.onToken({ status: fake.provider.facts?.tokenErrorStatus ?? 400, body: { error: "invalid_grant", error_description: "The code expired." } });
      const url = answer.method === "GET" ? answer.url : new URL(`${answer.url.href}?${answer.form}`);
      const failed = await d.completeLogin(browser.request(url), contract.id).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(DanceError);
      expect({ code: (failed as DanceError).code, error: (failed as DanceError).providerError?.error }).toEqual({ code: "token_exchange_failed", error: "invalid_grant" });
    });
  });
});
