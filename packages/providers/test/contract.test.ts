/// <reference types="vite/client" />
/**
 * One table-driven contract over every preset: endpoints, API base, env names, default
 * scope, and each option's authorization parameters, against Flask-Dance's table
 * (shared/reference/flask-dance-providers.md) and each provider's documented endpoints.
 * The presets are found from the package's files, so a new preset without a contract fails.
 */
import { generateKeyPairSync, verify as verifySignature } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDance, DanceConfigError, type OAuth1ProviderDefinition, type OAuth2ProviderDefinition } from "@dance/core";
import type { Contract, OAuth1Contract, OAuth2Contract, PresetFactory } from "./contract.js";
import { signatureBaseString } from "@dance/core/oauth1";
import * as presets from "@dance/providers";

/** Every preset file of src/ (the package's `./*` subpath exports), by id; the generic factories are not presets. */
const FACTORIES = new Set(["index", "oauth2", "oidc", "oauth1"]);
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

const oauth2Contracts = contracts.filter((c): c is OAuth2Contract & { file: string } => c.protocol !== "oauth1");
const oauth1Contracts = contracts.filter((c): c is OAuth1Contract & { file: string } => c.protocol === "oauth1");

describe.each(oauth2Contracts)("provider $id", (contract) => {
  const c = { ...contract, make: factoryOf(contract.id) as (options?: Record<string, unknown>) => OAuth2ProviderDefinition };
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

/** An RSA key pair for the RSA-SHA1 presets. */
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA_PEM = rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
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
    return request.url.includes("/api/") || !/request[-_]token/.test(request.url)
      ? Response.json({})
      : new Response(TEMPORARY, { headers: { "content-type": "application/x-www-form-urlencoded" } });
  };
  return { fetch: fetchImpl, requests };
}

describe.each(oauth1Contracts)("OAuth 1 provider $id", (contract) => {
  const c = { ...contract, make: factoryOf(contract.id) as (options?: Record<string, unknown>) => OAuth1ProviderDefinition };
  const roles = c.credentialOptions;
  const creds: Record<string, unknown> = {
    ...c.required,
    [roles.clientKey]: "the-key",
    ...(roles.clientSecret ? { [roles.clientSecret]: "the-secret" } : {}),
    ...(roles.rsaKey ? { [roles.rsaKey]: RSA_PEM } : {}),
  };
  const login = async (definition: OAuth1ProviderDefinition, env: Record<string, string> = {}) => {
    const stub = providerStub();
    const dance = createDance({ secret, providers: [definition], env, fetch: stub.fetch });
    const { url } = await dance.beginLogin(new Request("https://app.test/"), definition.id);
    return { url, stub, dance };
  };

  it("has its id, protocol, endpoints, API base and signature method", () => {
    const def = c.make(creds);
    expect(def.id).toBe(c.id);
    expect(def.protocol).toBe("oauth1");
    expect(def.requestTokenUrl).toBe(c.requestTokenUrl);
    expect(def.authorizationUrl).toBe(c.authorizationUrl);
    expect(def.accessTokenUrl).toBe(c.accessTokenUrl);
    expect(def.apiBaseUrl).toBe(c.apiBaseUrl);
    expect(def.signatureMethod ?? "HMAC-SHA1").toBe(c.signatureMethod);
  });

  it("asks for a request token signed with its method and key, with the callback, then redirects with oauth_token", async () => {
    const { url, stub } = await login(c.make(creds));
    expect(stub.requests).toHaveLength(1);
    const [initiate] = stub.requests;
    expect([initiate!.method, initiate!.url]).toEqual(["POST", c.requestTokenUrl]);
    const params = oauthParams(initiate!.headers.get("authorization"));
    expect(params).toMatchObject({ oauth_consumer_key: "the-key", oauth_signature_method: c.signatureMethod, oauth_callback: `https://app.test/login/${c.id}/authorized` });
    expect(url.origin + url.pathname).toBe(c.authorizationUrl);
    expect(url.searchParams.get("oauth_token")).toBe("request-token");
    expect(url.href).not.toContain("request-secret");
    if (c.signatureMethod === "RSA-SHA1") {
      // RSASSA-PKCS1-v1_5 over the base string, checked with the public key by OpenSSL.
      const base = signatureBaseString({ method: "POST", url: c.requestTokenUrl, oauth: params });
      expect(verifySignature("sha1", Buffer.from(base), rsa.publicKey, Buffer.from(params.oauth_signature!, "base64"))).toBe(true);
    }
  });

  it.each(c.options)("maps options %j to %j", async (options, expected) => {
    const { url } = await login(c.make({ ...creds, ...options }));
    expect(url.origin + url.pathname).toBe(expected.url ?? c.authorizationUrl);
    for (const [name, value] of Object.entries(expected.params)) expect([name, url.searchParams.get(name)]).toEqual([name, value]);
  });

  it(`reads ${Object.values(c.env).join(" / ")} from the environment`, async () => {
    const env: Record<string, string> = { [c.env.clientKey]: "from-env" };
    if (c.env.clientSecret) env[c.env.clientSecret] = "env-secret";
    if (c.env.rsaKey) env[c.env.rsaKey] = RSA_PEM;
    const { stub } = await login(c.make({ ...c.required }), env);
    expect(oauthParams(stub.requests[0]!.headers.get("authorization")).oauth_consumer_key).toBe("from-env");
  });

  it("fails at start-up naming the variable to set when credentials are missing", () => {
    expect(() => createDance({ secret, providers: [c.make({ ...c.required })], env: {} })).toThrow(DanceConfigError);
    expect(() => createDance({ secret, providers: [c.make({ ...c.required })], env: {} })).toThrow(c.env.clientKey);
    const second = c.env.clientSecret ?? c.env.rsaKey!;
    expect(() => createDance({ secret, providers: [c.make({ ...c.required })], env: { [c.env.clientKey]: "k" } })).toThrow(second);
  });

  it("is plain data: the factory returns a fresh object and never shares state", () => {
    const a = c.make(creds);
    const b = c.make(creds);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });

  it(`signs API calls, with ${JSON.stringify(c.apiHeaders)} on requests that lack them (before signing)`, async () => {
    const { dance, stub } = await login(c.make(creds));
    const session = await dance.session(new Request("https://app.test/"), c.id);
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t", oauth_token_secret: "s" });
    await session.fetch("rest/api/2/myself");
    await session.fetch("rest/api/2/issue", { method: "POST", body: JSON.stringify({ fields: {} }) });
    await session.fetch("rest/api/2/form", { method: "POST", body: new URLSearchParams({ a: "b" }) });
    const [get, json, form] = stub.requests.slice(1);
    expect(get!.url).toBe(`${c.apiBaseUrl}rest/api/2/myself`);
    // Without a preset header: no type on a GET, and fetch's own label on a string body.
    expect(get!.headers.get("content-type")).toBe(c.apiHeaders["content-type"] ?? null);
    expect(json!.headers.get("content-type")).toBe(c.apiHeaders["content-type"] ?? "text/plain;charset=UTF-8");
    for (const [name, value] of Object.entries(c.apiHeaders)) expect([name, get!.headers.get(name), json!.headers.get(name)]).toEqual([name, value, value]);
    // A form the caller labelled stays a form.
    expect(form!.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    for (const request of [get, json, form]) expect(oauthParams(request!.headers.get("authorization"))).toMatchObject({ oauth_token: "t", oauth_signature_method: c.signatureMethod });
  });
});

describe("jira's RSA key", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const keyFile = async (text: string) => {
    const dir = await mkdtemp(join(tmpdir(), "dance-jira-"));
    dirs.push(dir);
    const path = join(dir, "jira.pem");
    await writeFile(path, text);
    return path;
  };
  const loginWith = async (options: Record<string, unknown>, env: Record<string, string> = {}) => {
    const stub = providerStub();
    const dance = createDance({ secret, providers: [presets.jira({ baseUrl: "https://jira.example.com", consumerKey: "ck", ...options })], env, fetch: stub.fetch });
    await dance.ready();
    await dance.beginLogin(new Request("https://app.test/"), "jira");
    return oauthParams(stub.requests[0]!.headers.get("authorization"));
  };

  it("on Node, a file path (option or JIRA_OAUTH_RSA_KEY) is read, as Flask-Dance does", async () => {
    const path = await keyFile(RSA_PEM);
    expect((await loginWith({ rsaKey: path })).oauth_signature_method).toBe("RSA-SHA1");
    expect((await loginWith({}, { JIRA_OAUTH_RSA_KEY: path })).oauth_signature_method).toBe("RSA-SHA1");
  });

  it("a PEM squeezed into one env line with \\n escapes is accepted", async () => {
    expect((await loginWith({}, { JIRA_OAUTH_RSA_KEY: RSA_PEM.trim().replace(/\n/g, "\\n") })).oauth_signature_method).toBe("RSA-SHA1");
  });

  it("a path that cannot be read is a DanceConfigError at ready(), naming the kind of failure, not the value", async () => {
    const missing = join(tmpdir(), "dance-no-such-dir", "jira.pem");
    const error = await loginWith({ rsaKey: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DanceConfigError);
    expect((error as Error).message).toMatch(/rsaKey. is neither PEM text nor a key file that can be read \(ENOENT\)/);
    expect((error as Error).message).not.toContain(missing);
    const notPem = await keyFile("this is not a key");
    await expect(loginWith({ rsaKey: notPem })).rejects.toThrow(/holds no PEM text/);
  });

  it("a PEM that is not a usable RSA private key fails at createDance(), never echoing it", () => {
    const publicPem = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    expect(() => createDance({ secret, providers: [presets.jira({ baseUrl: "https://jira.example.com", consumerKey: "ck", rsaKey: publicPem })], env: {} })).toThrow(
      /provider "jira": `rsaKey`: a "PUBLIC KEY" is not an RSA private key/,
    );
    expect(() => createDance({ secret, providers: [presets.jira({ baseUrl: "https://jira.example.com", consumerKey: "ck" })], env: { JIRA_OAUTH_RSA_KEY: publicPem } })).toThrow(
      /JIRA_OAUTH_RSA_KEY: a "PUBLIC KEY" is not an RSA private key/,
    );
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
