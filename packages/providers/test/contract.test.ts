/// <reference types="vite/client" />
/**
 * One table-driven contract over every preset, against Flask-Dance's table
 * (shared/reference/flask-dance-providers.md) and each provider's documented endpoints: the
 * authorization URL for the defaults and for each option, the token request (client
 * authentication, PKCE), the headers of an API call, the env names, the refresh behaviour
 * table, a provider error mapped to a clean DanceError — and a whole dance against the
 * preset's fake (`fakeProvider(preset)` of @dance/testing). OAuth 1.0a presets get their own
 * checks: the three endpoints, the signature method (an RSA-SHA1 signature is verified by
 * OpenSSL), the credentials' options and env names, the headers put on API calls, the docs and
 * refresh table — and a whole dance against oauthlib's provider (`startOAuth1Provider`), which
 * decides whether each signature is valid. The presets are found from the package's files, so
 * a new preset without a contract fails.
 */
import { generateKeyPairSync, verify as verifySignature } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDance, DanceConfigError, DanceError, envPrefix, MemoryStorage, type OAuth1ProviderDefinition, type OAuth2ProviderDefinition } from "@dance/core";
import { signatureBaseString } from "@dance/core/oauth1";
import { createBrowser, fakeProvider, startOAuth1Provider, type PresetFake, type RunningOAuth1Provider } from "@dance/testing";
import type { Contract, OAuth1Contract, OAuth2Contract, PresetFactory } from "./contract.js";
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
const allContracts = Object.entries(contractFiles).map(([path, module]) => ({ file: path.slice("./contracts/".length, -".ts".length), ...module.default }));
const contracts = allContracts.filter((c): c is OAuth2Contract & { file: string } => c.protocol === "oauth2" || c.protocol === "oidc");
const oauth1Contracts = allContracts.filter((c): c is OAuth1Contract & { file: string } => c.protocol === "oauth1");
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
const documented = (c: OAuth2Contract) => ({ authorizationUrl: c.authorizationUrl, tokenUrl: c.tokenUrl, ...(c.apiBaseUrl ? { userinfoUrl: `${c.apiBaseUrl}userinfo` } : {}) });

/**
 * The authorization URL a login with `definition` redirects to. Presets with pinned endpoints
 * need no network; presets that discover theirs discover them from a fake serving the
 * documented endpoints, and the URL is given back as the provider's (`https://…`).
 */
async function loginUrl(definition: OAuth2ProviderDefinition, c: OAuth2Contract): Promise<URL> {
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
  const make = (options: Record<string, unknown> = {}) => factoryOf(contract.id)({ ...contract.required, ...options }) as OAuth2ProviderDefinition;
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

/** An RSA key pair for the RSA-SHA1 presets. */
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA_PEM = rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
const RSA_PUBLIC_PEM = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
const TEMPORARY = "oauth_token=request-token&oauth_token_secret=request-secret&oauth_callback_confirmed=true";

/** The protocol parameters of an `Authorization: OAuth …` header, decoded. */
function oauthParams(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of (header ?? "").matchAll(/([a-z_]+)="([^"]*)"/g)) out[name!] = decodeURIComponent(value!);
  return out;
}

/** A fetch standing in for the provider: answers the request-token call (and API calls with `{}`), and records them. */
function providerStub() {
  const requests: Request[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request);
    return /request[-_]token/.test(request.url) ? new Response(TEMPORARY, { headers: { "content-type": "application/x-www-form-urlencoded" } }) : Response.json({});
  };
  return { fetch: fetchImpl, requests };
}

describe.each(oauth1Contracts)("OAuth 1 provider $id", (contract) => {
  const make = (options: Record<string, unknown> = {}) => factoryOf(contract.id)({ ...contract.required, ...options }) as OAuth1ProviderDefinition;
  const roles = contract.credentialOptions;
  /** The credentials by the preset's own (Flask-Dance's) option names. */
  const creds: Record<string, unknown> = {
    [roles.clientKey]: "the-key",
    ...(roles.clientSecret ? { [roles.clientSecret]: "the-secret" } : {}),
    ...(roles.rsaKey ? { [roles.rsaKey]: RSA_PEM } : {}),
  };
  /** The same credentials by the shared option names of every OAuth 1.0a preset. */
  const shared: Record<string, unknown> = {
    clientKey: "the-key",
    ...(roles.clientSecret ? { clientSecret: "the-secret" } : {}),
    ...(roles.rsaKey ? { [roles.rsaKey]: RSA_PEM } : {}),
  };
  const login = async (definition: OAuth1ProviderDefinition, env: Record<string, string> = {}) => {
    const stub = providerStub();
    const dance = createDance({ secret, providers: [definition], env, fetch: stub.fetch, warn: () => {} });
    const { url } = await dance.beginLogin(new Request(`${APP}/`), definition.id);
    return { url, stub, dance };
  };
  /** The env of the credentials, as the contract names them (under another id's prefix when given). */
  const envOf = (id = contract.id): Record<string, string> => {
    const rename = (name: string) => name.replace(envPrefix(contract.id), envPrefix(id));
    return {
      [rename(contract.env.clientKey)]: "from-env",
      ...(contract.env.clientSecret ? { [rename(contract.env.clientSecret)]: "env-secret" } : {}),
      ...(contract.env.rsaKey ? { [rename(contract.env.rsaKey)]: RSA_PEM } : {}),
    };
  };

  it("has its id, protocol, endpoints, API base, signature method, docs and refresh table (never refreshed)", () => {
    const def = make(creds);
    expect({ id: def.id, protocol: def.protocol }).toEqual({ id: contract.id, protocol: "oauth1" });
    expect({ requestTokenUrl: def.requestTokenUrl, authorizationUrl: def.authorizationUrl, accessTokenUrl: def.accessTokenUrl, apiBaseUrl: def.apiBaseUrl }).toEqual({
      requestTokenUrl: contract.requestTokenUrl,
      authorizationUrl: contract.authorizationUrl,
      accessTokenUrl: contract.accessTokenUrl,
      apiBaseUrl: contract.apiBaseUrl,
    });
    expect(def.signatureMethod ?? "HMAC-SHA1").toBe(contract.signatureMethod);
    expect(def.facts?.docs).toBe(contract.docs);
    expect(def.facts?.refresh).toEqual(contract.refresh);
    expect(contract.refresh.refreshTokens, "OAuth 1.0a has no refresh tokens").toBe("no");
    expect(def.name, "a display name").toBeTruthy();
  });

  it("asks for a request token signed with its method and key, with the callback, then redirects with oauth_token", async () => {
    const { url, stub } = await login(make(creds));
    expect(stub.requests).toHaveLength(1);
    const [initiate] = stub.requests;
    expect([initiate!.method, initiate!.url]).toEqual(["POST", contract.requestTokenUrl]);
    const params = oauthParams(initiate!.headers.get("authorization"));
    expect(params).toMatchObject({ oauth_consumer_key: "the-key", oauth_signature_method: contract.signatureMethod, oauth_callback: `${APP}/login/${contract.id}/authorized` });
    expect(url.origin + url.pathname).toBe(contract.authorizationUrl);
    expect(url.searchParams.get("oauth_token")).toBe("request-token");
    expect(url.href).not.toContain("request-secret");
    if (contract.signatureMethod === "RSA-SHA1") {
      // RSASSA-PKCS1-v1_5 over the base string, checked with the public key by OpenSSL.
      const base = signatureBaseString({ method: "POST", url: contract.requestTokenUrl, oauth: params });
      expect(verifySignature("sha1", Buffer.from(base), rsa.publicKey, Buffer.from(params.oauth_signature!, "base64"))).toBe(true);
    }
  });

  it.each(contract.options)("maps options %j to %j", async (options, expected) => {
    const { url } = await login(make({ ...creds, ...options }));
    expect(url.origin + url.pathname).toBe(expected.url ?? contract.authorizationUrl);
    for (const [name, value] of Object.entries(expected.params)) expect([name, url.searchParams.get(name)]).toEqual([name, value]);
  });

  it(`reads ${Object.values(contract.env).join(" / ")} from the environment, and names them when they are missing`, async () => {
    const { stub, dance } = await login(make(), envOf());
    expect(oauthParams(stub.requests[0]!.headers.get("authorization")).oauth_consumer_key).toBe("from-env");
    expect((await dance.session(new Request(`${APP}/`), contract.id)).loginUrl).toBe(`/login/${contract.id}`);
    expect(() => createDance({ secret, providers: [make()], env: {} })).toThrow(DanceConfigError);
    expect(() => createDance({ secret, providers: [make()], env: {} })).toThrow(contract.env.clientKey);
    const second = contract.env.clientSecret ?? contract.env.rsaKey!;
    expect(() => createDance({ secret, providers: [make()], env: { [contract.env.clientKey]: "k" } })).toThrow(second);
  });

  it("takes the credentials by the shared names (clientKey, clientSecret) as by its own", async () => {
    const own = make(creds);
    const common = make(shared);
    expect({ clientKey: common.clientKey, clientSecret: common.clientSecret, rsaKey: common.rsaKey }).toEqual({ clientKey: own.clientKey, clientSecret: own.clientSecret, rsaKey: own.rsaKey });
    expect(common.clientKey).toBe("the-key");
    const { stub } = await login(common);
    expect(oauthParams(stub.requests[0]!.headers.get("authorization")).oauth_consumer_key).toBe("the-key");
  });

  it("takes the shared options: another id (routes and env names follow), its routes, where it ends, extra authorization parameters", async () => {
    const other = `${contract.id}-work`;
    const renamed = make({ id: other });
    expect(renamed.id).toBe(other);
    const { stub } = await login(renamed, envOf(other));
    expect(oauthParams(stub.requests[0]!.headers.get("authorization"))).toMatchObject({ oauth_consumer_key: "from-env", oauth_callback: `${APP}/login/${other}/authorized` });

    const routed = make({ ...creds, loginPath: "/auth/it", callbackPath: "/auth/it/back", redirectTo: "/home", authorizationParams: { lang: "fr" } });
    const { url, stub: routedStub, dance } = await login(routed);
    expect(oauthParams(routedStub.requests[0]!.headers.get("authorization")).oauth_callback).toBe(`${APP}/auth/it/back`);
    expect((await dance.session(new Request(`${APP}/`), contract.id)).loginUrl).toBe("/auth/it");
    expect(url.searchParams.get("lang")).toBe("fr");
    // The preset's own parameters stay under the app's extra ones.
    for (const [options, expected] of contract.options) {
      const { url: both } = await login(make({ ...creds, ...options, authorizationParams: { lang: "fr" } }));
      for (const [name, value] of Object.entries(expected.params)) expect([name, both.searchParams.get(name)]).toEqual([name, value]);
      expect(both.searchParams.get("lang")).toBe("fr");
    }
  });

  it("is plain data: the factory returns a fresh object and never shares state", () => {
    const a = make(creds);
    const b = make(creds);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });

  it(`signs API calls, with ${JSON.stringify(contract.apiHeaders)} on requests that lack them (before signing)`, async () => {
    const { dance, stub } = await login(make(creds));
    const session = await dance.session(new Request(`${APP}/`), contract.id);
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t", oauth_token_secret: "s" });
    await session.fetch("rest/api/2/myself");
    await session.fetch("rest/api/2/issue", { method: "POST", body: JSON.stringify({ fields: {} }) });
    await session.fetch("rest/api/2/form", { method: "POST", body: new URLSearchParams({ a: "b" }) });
    const [get, json, form] = stub.requests.slice(1);
    expect(get!.url).toBe(`${contract.apiBaseUrl}rest/api/2/myself`);
    // Without a preset header: no type on a GET, and fetch's own label on a string body.
    expect(get!.headers.get("content-type")).toBe(contract.apiHeaders["content-type"] ?? null);
    expect(json!.headers.get("content-type")).toBe(contract.apiHeaders["content-type"] ?? "text/plain;charset=UTF-8");
    for (const [name, value] of Object.entries(contract.apiHeaders)) expect([name, get!.headers.get(name), json!.headers.get(name)]).toEqual([name, value, value]);
    // A form the caller labelled stays a form.
    expect(form!.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    for (const request of [get, json, form]) expect(oauthParams(request!.headers.get("authorization"))).toMatchObject({ oauth_token: "t", oauth_signature_method: contract.signatureMethod });
  });

  it("has no refresh and no revocation: a session never refreshes its token, revoke() is unsupported", async () => {
    const { dance } = await login(make(creds));
    const session = await dance.session(new Request(`${APP}/`), contract.id);
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t", oauth_token_secret: "s" });
    expect((await session.freshToken())?.oauth_token).toBe("t");
    await expect(session.revoke()).rejects.toMatchObject({ code: "unsupported_operation" });
    expect(session.authorized).toBe(true);
  });

  describe("against oauthlib's provider", () => {
    const KEY = "dance-contract";
    const SECRET = "dance-contract-secret-0123456789";
    let provider: RunningOAuth1Provider;
    beforeAll(async () => {
      provider = await startOAuth1Provider({ clients: [contract.signatureMethod === "RSA-SHA1" ? { key: KEY, rsaPublicKey: RSA_PUBLIC_PEM } : { key: KEY, secret: SECRET }] });
    }, 30_000);
    afterAll(() => provider?.close());

    it("completes a whole dance with the preset's signing; the token is sealed in a d1. cookie; API calls verify", async () => {
      const preset = make({
        [roles.clientKey]: KEY,
        ...(roles.clientSecret ? { [roles.clientSecret]: SECRET } : {}),
        ...(roles.rsaKey ? { [roles.rsaKey]: RSA_PEM } : {}),
      });
      // The preset as it is (signature method, credentials, hooks), its endpoints on the local provider.
      const definition: OAuth1ProviderDefinition = {
        ...preset,
        requestTokenUrl: provider.requestTokenUrl,
        authorizationUrl: provider.authorizeUrl,
        accessTokenUrl: provider.accessTokenUrl,
        apiBaseUrl: provider.apiBaseUrl,
      };
      const d = createDance({ secret, providers: [definition], env: {}, warn: () => {} });
      const browser = createBrowser({ handlers: { [APP]: d.handler } });
      const login = await browser.get(`${APP}/login/${contract.id}`);
      expect(login.status).toBe(302);
      const authorize = await browser.get(browser.locationOf(login)!);
      expect(authorize.status, await authorize.clone().text()).toBe(302);
      const back = await browser.get(browser.locationOf(authorize)!);
      expect(back.status, await back.clone().text()).toBe(302);
      const cookie = back.headers.getSetCookie().find((c) => c.startsWith(`__Host-dance-${contract.id}=`) || c.startsWith(`dance-${contract.id}=`));
      expect(cookie, "the token cookie").toMatch(new RegExp(`^(__Host-)?dance-${contract.id}=d1\\.`));
      expect(cookie).toMatch(/HttpOnly/i);

      const session = await d.session(browser.request(`${APP}/`), contract.id);
      expect(session.authorized).toBe(true);
      const token = session.token!;
      expect(token).toMatchObject({ token_type: "oauth1", access_token: token.oauth_token });
      expect(cookie).not.toContain(String(token.oauth_token_secret));

      const get = await session.fetch("contract-probe?b=2&a=1");
      expect(get.status, await get.clone().text()).toBe(200);
      expect(await get.json()).toMatchObject({ method: "GET", client: KEY, token: token.oauth_token, signature_method: contract.signatureMethod, query: [["b", "2"], ["a", "1"]] });
      const json = await session.fetch("contract-probe", { method: "POST", body: JSON.stringify({ fields: {} }) });
      expect(json.status, await json.clone().text()).toBe(200);
      const posted = (await json.json()) as { method: string; body: string; content_type: string | null };
      expect({ method: posted.method, body: posted.body }).toEqual({ method: "POST", body: '{"fields":{}}' });
      if (contract.apiHeaders["content-type"]) expect(posted.content_type).toBe(contract.apiHeaders["content-type"]);
      const form = await session.fetch("contract-probe", { method: "POST", body: new URLSearchParams({ status: "hello world" }) });
      expect(form.status, await form.clone().text()).toBe(200);
      expect(await form.json()).toMatchObject({ form: [["status", "hello world"]] });
    });
  });
});
