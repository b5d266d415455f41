/**
 * The OAuth 1.0a dance end to end against an independent provider: oauthlib's RFC 5849
 * endpoints (Debian's python3-oauthlib) behind `startOAuth1Provider`, on loopback. The app is
 * `dance.handler`, served in-process by the test browser; the provider is reached over HTTP.
 * oauthlib, not Dance, decides whether every signature, nonce, timestamp, request token and
 * verifier is valid. HMAC-SHA1 and RSA-SHA1 run the same suite.
 */
import { createHmac, generateKeyPairSync } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDance, MemoryStorage, type Dance, type DanceConfig, type ErrorEvent, type Token } from "@dance/core";
import { percentEncode } from "@dance/core/oauth1";
import { oauth1, type OAuth1Options } from "@dance/providers/oauth1";
import { startOAuth1Provider, type RunningOAuth1Provider } from "@dance/testing";
import { APP, Browser, cookieNameValue, expectErrorPage, expectNoTokenWritten, expectTransactionCleared, isDeletion, SECRET, setCookies } from "./helpers.js";

const CALLBACK = `${APP}/login/printer/authorized`;
const HMAC = { key: "dance-hmac", secret: "dance-hmac-client-secret-0123456789" };
const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA = { key: "dance-rsa", rsaKey: pair.privateKey.export({ type: "pkcs1", format: "pem" }) as string };

/** One provider call as Dance's fetch made it, with the provider's answer. */
interface Call {
  url: URL;
  method: string;
  authorization: string | null;
  status: number;
  body: string;
}

/** A fetch for Dance that records every call; `route` may answer some requests itself (fault injection, a proxy). */
function recorder(route?: (request: Request) => Promise<Response> | undefined) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const authorization = request.headers.get("authorization");
    const response = (await route?.(request)) ?? (await globalThis.fetch(request));
    calls.push({ url, method: request.method, authorization, status: response.status, body: await response.clone().text() });
    return response;
  };
  return { fetch: fetchImpl, calls, to: (endpoint: string) => calls.filter((c) => c.url.href.split("?")[0] === endpoint) };
}

/** The protocol parameters of an `Authorization: OAuth …` header, decoded. */
function oauthParams(header: string | null): Record<string, string> {
  expect(header).toMatch(/^OAuth /);
  const out: Record<string, string> = {};
  for (const [, name, value] of header!.matchAll(/([a-z_]+)="([^"]*)"/g)) out[name!] = decodeURIComponent(value!);
  return out;
}

/**
 * Send `request` to the provider on 127.0.0.1 with a Host header of our choosing, the way a
 * client that does not normalise its URL would: oauthlib rebuilds the URI it verifies from it.
 */
async function sendWithHost(request: Request, port: number, host: string): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = { ...Object.fromEntries(request.headers), host };
  if (body) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method: request.method, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: res.headers as Record<string, string> })));
    });
    req.on("error", reject);
    req.end(body);
  });
}

let provider: RunningOAuth1Provider;
/** Refuses every authorization (`denied=`). */
let denying: RunningOAuth1Provider;
/** Answers request tokens without `oauth_callback_confirmed=true` (OAuth 1.0, not 1.0a). */
let unconfirmed: RunningOAuth1Provider;

beforeAll(async () => {
  const clients = [
    { key: HMAC.key, secret: HMAC.secret, callbacks: [CALLBACK] },
    { key: RSA.key, rsaPublicKey: pair.publicKey.export({ type: "spki", format: "pem" }) as string, callbacks: [CALLBACK] },
  ];
  [provider, denying, unconfirmed] = await Promise.all([
    startOAuth1Provider({ clients }),
    startOAuth1Provider({ clients, deny: true }),
    startOAuth1Provider({ clients, confirmCallback: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([provider?.close(), denying?.close(), unconfirmed?.close()]);
});

type Method = "HMAC-SHA1" | "RSA-SHA1";

/** The provider definition of a client of `at`. */
function printer(method: Method, at: RunningOAuth1Provider = provider, options: Partial<OAuth1Options> = {}) {
  const credentials = method === "HMAC-SHA1" ? { clientKey: HMAC.key, clientSecret: HMAC.secret } : { clientKey: RSA.key, rsaKey: RSA.rsaKey, signatureMethod: method };
  return oauth1({
    id: "printer",
    requestTokenUrl: at.requestTokenUrl,
    authorizationUrl: at.authorizeUrl,
    accessTokenUrl: at.accessTokenUrl,
    apiBaseUrl: at.apiBaseUrl,
    ...credentials,
    ...options,
  });
}

interface Harness {
  dance: Dance;
  browser: Browser;
  calls: Call[];
  to: (endpoint: string) => Call[];
  errors: ErrorEvent[];
  authorized: Token[];
}

function harness(method: Method, options: { at?: RunningOAuth1Provider; config?: Partial<DanceConfig>; provider?: Partial<OAuth1Options>; route?: (request: Request) => Promise<Response> | undefined } = {}): Harness {
  const record = recorder(options.route);
  const errors: ErrorEvent[] = [];
  const authorized: Token[] = [];
  const dance = createDance({
    secret: SECRET,
    providers: [printer(method, options.at, options.provider)],
    fetch: record.fetch,
    warn: () => {},
    on: {
      error: (event) => void errors.push(event),
      authorized: ({ token }) => void authorized.push(token),
    },
    ...options.config,
  });
  return { dance, browser: new Browser(dance), calls: record.calls, to: record.to, errors, authorized };
}

/** Login: the redirect to the provider's authorize page; returns that URL. */
async function startLogin(h: Harness, path = "/login/printer"): Promise<URL> {
  const login = await h.browser.send(path);
  expect(login.status, await login.clone().text()).toBe(302);
  return new URL(login.headers.get("location")!);
}

/** The provider's authorize step (it approves at once): the callback URL it sends the browser to. */
async function authorize(url: URL): Promise<URL> {
  const answer = await fetch(url, { redirect: "manual" });
  expect(answer.status, await answer.clone().text()).toBe(302);
  return new URL(answer.headers.get("location")!);
}

describe.each(["HMAC-SHA1", "RSA-SHA1"] as const)("OAuth 1.0a with %s against oauthlib", (method) => {
  it("logs in: a signed request token with oauth_callback, the sealed transaction, the authorize redirect, the access token stored", async () => {
    const h = harness(method);
    const login = await h.browser.send("/login/printer?next=/after");
    expect(login.status).toBe(302);
    const [txCookie] = setCookies(login).filter((c) => c.startsWith("dance-tx-printer="));
    expect(txCookie).toMatch(/HttpOnly/i);
    expect(txCookie).toMatch(/SameSite=Lax/i);

    // The request-token call: signed with the configured method, carrying the callback, answered 200 by oauthlib.
    const [initiate] = h.to(provider.requestTokenUrl);
    expect(initiate).toMatchObject({ method: "POST", status: 200 });
    const sent = oauthParams(initiate!.authorization);
    expect(sent).toMatchObject({ oauth_consumer_key: method === "HMAC-SHA1" ? HMAC.key : RSA.key, oauth_signature_method: method, oauth_callback: CALLBACK, oauth_version: "1.0" });
    expect(sent.oauth_token).toBeUndefined();
    const temporary = new URLSearchParams(initiate!.body);
    expect(temporary.get("oauth_callback_confirmed")).toBe("true");

    // The redirect carries the request token only; its secret stays in the sealed cookie.
    const location = new URL(login.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(provider.authorizeUrl);
    expect([...location.searchParams.keys()]).toEqual(["oauth_token"]);
    expect(location.searchParams.get("oauth_token")).toBe(temporary.get("oauth_token"));
    expect(location.href).not.toContain(temporary.get("oauth_token_secret")!);
    expect(decodeURIComponent(cookieNameValue(txCookie!).value)).not.toContain(temporary.get("oauth_token_secret")!);

    const callback = await authorize(location);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    const done = await h.browser.send(callback);
    expect(done.status, await done.clone().text()).toBe(302);
    expect(done.headers.get("location")).toBe("/after");
    expectTransactionCleared(done, "printer");

    // The access-token call, signed with the request token; its answer is what is stored.
    const [exchange] = h.to(provider.accessTokenUrl);
    expect(exchange).toMatchObject({ method: "POST", status: 200 });
    expect(oauthParams(exchange!.authorization)).toMatchObject({ oauth_token: temporary.get("oauth_token"), oauth_verifier: callback.searchParams.get("oauth_verifier") });
    const issued = Object.fromEntries(new URLSearchParams(exchange!.body));
    const session = await h.dance.session(h.browser.request("/"), "printer");
    expect(session.authorized).toBe(true);
    expect(session.token).toEqual({ ...issued, access_token: issued.oauth_token, token_type: "oauth1" });
    expect(session.token!.oauth_token).not.toBe(temporary.get("oauth_token"));
    expect(h.authorized).toHaveLength(1);
    expect(h.errors).toEqual([]);
  });

  describe("signed API calls, verified by oauthlib", () => {
    let h: Harness;
    let token: Token;
    beforeAll(async () => {
      h = harness(method, {
        provider: { apiOrigins: ["http://localhost"] },
        // A proxy in front of the provider for http://localhost: it forwards the Host header as the app wrote it.
        route: (request) => (new URL(request.url).host === "localhost" ? sendWithHost(request, Number(new URL(provider.url).port), "LOCALHOST:80") : undefined),
      });
      await h.browser.send(await authorize(await startLogin(h)));
      token = (await h.dance.session(h.browser.request("/"), "printer")).token!;
      expect(token.oauth_token).toEqual(expect.any(String));
    });
    const session = () => h.dance.session(h.browser.request("/"), "printer");

    it("GET with a query, repeated names and an empty value", async () => {
      const res = await (await session()).fetch("things?b=2&a=x%20y&a=1&empty=&plus=a+b");
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ method: "GET", path: "/api/things", client: method === "HMAC-SHA1" ? HMAC.key : RSA.key, token: token.oauth_token, signature_method: method });
      expect(body.query).toEqual([["b", "2"], ["a", "x y"], ["a", "1"], ["empty", ""], ["plus", "a b"]]);
    });

    it("POST with a form body, a name in both the query and the body, and repeated names", async () => {
      const form = new URLSearchParams([["a", "body"], ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"], ["x", "1"], ["x", "2"]]);
      const res = await (await session()).fetch("things?a=query", { method: "POST", body: form });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.query).toEqual([["a", "query"]]);
      expect(body.form).toEqual([...form]);
    });

    it("POST with JSON: sent as it is, not signed, still accepted", async () => {
      const json = JSON.stringify({ a: "b", "oauth_token": "not a parameter in JSON" });
      const res = await (await session()).fetch("things", { method: "POST", body: json, headers: { "content-type": "application/json" } });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ content_type: "application/json", body: json, form: null });
    });

    it("an upper-case host and an explicit default port: the base string URI is normalised the way oauthlib normalises it", async () => {
      const res = await (await session()).fetch("HTTP://LOCALHOST:80/api/upper?q=1");
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ host: "LOCALHOST:80", path: "/api/upper", query: [["q", "1"]] });
    });

    it("a signature oauthlib refuses is its answer, not ours: a forged token gets 401", async () => {
      const forged = { ...token, oauth_token_secret: "not-the-secret", oauth_token: method === "RSA-SHA1" ? "unknown-token-000000000000000" : token.oauth_token };
      const other = harness(method, { config: { storage: new MemoryStorage() } });
      const s = await other.dance.session(other.browser.request("/"), "printer");
      await s.setToken(forged as Token);
      const res = await s.fetch("things");
      expect(res.status).toBe(401);
      expect((await res.json()).reasons.join(" ")).toMatch(method === "RSA-SHA1" ? /unknown access token/ : /invalid signature/);
    });

    it("refuses other origins, as for OAuth 2", async () => {
      await expect((await session()).fetch("https://evil.example/steal")).rejects.toMatchObject({ code: "origin_not_allowed" });
    });
  });

  it("a request token that is not this browser's → 403 state_mismatch; nothing stored, the access-token endpoint never called", async () => {
    const h = harness(method);
    const callback = await authorize(await startLogin(h));
    // Another browser's login with the same provider: a valid request token and verifier, but not ours.
    const other = harness(method);
    const theirs = await authorize(await startLogin(other));
    const res = await h.browser.send(`${CALLBACK}${theirs.search}`);
    await expectErrorPage(res, 403, "state_mismatch");
    expectTransactionCleared(res, "printer");
    expectNoTokenWritten(res, "printer");
    expect(h.to(provider.accessTokenUrl)).toEqual([]);
    expect(h.errors).toEqual([]);
    // The cookie is gone: the real callback cannot be used afterwards either.
    await expectErrorPage(await h.browser.send(callback), 400, "missing_transaction");
  });

  it("a callback without oauth_token → 403 state_missing", async () => {
    const h = harness(method);
    const callback = await authorize(await startLogin(h));
    callback.searchParams.delete("oauth_token");
    const res = await h.browser.send(callback);
    await expectErrorPage(res, 403, "state_missing");
    expectTransactionCleared(res, "printer");
    expect(h.to(provider.accessTokenUrl)).toEqual([]);
  });

  it("a missing oauth_verifier → 400 invalid_callback (Flask-Dance: 'No client verifier has been set.')", async () => {
    const h = harness(method);
    const callback = await authorize(await startLogin(h));
    callback.searchParams.delete("oauth_verifier");
    const res = await h.browser.send(callback);
    expect(await expectErrorPage(res, 400, "invalid_callback")).toContain("No client verifier has been set.");
    expectTransactionCleared(res, "printer");
    expectNoTokenWritten(res, "printer");
    expect(h.to(provider.accessTokenUrl)).toEqual([]);
  });

  it("denied= → the error event (access_denied), then the redirect home; nothing stored", async () => {
    const h = harness(method, { at: denying });
    const callback = await authorize(await startLogin(h, "/login/printer?next=/after"));
    expect(callback.searchParams.get("denied")).toEqual(expect.any(String));
    expect(callback.searchParams.has("oauth_verifier")).toBe(false);
    const res = await h.browser.send(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    expectTransactionCleared(res, "printer");
    expectNoTokenWritten(res, "printer");
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]).toMatchObject({ provider: "printer", error: "access_denied" });
    expect(h.errors[0]!.danceError.code).toBe("provider_error");
    expect(h.to(denying.accessTokenUrl)).toEqual([]);
  });

  it("denied= naming a request token this browser does not hold is a state failure: no error event", async () => {
    const h = harness(method, { at: denying });
    await startLogin(h);
    const res = await h.browser.send(`${CALLBACK}?denied=someone-elses-request-token`);
    await expectErrorPage(res, 403, "state_mismatch");
    expect(h.errors).toEqual([]);
  });

  it("a replayed callback (the same URL with the same cookie) fails: the access-token endpoint is called once", async () => {
    const h = harness(method);
    const callback = await authorize(await startLogin(h));
    const cookie = h.browser.cookieHeader();
    expect((await h.browser.send(callback)).status).toBe(302);
    const stored = (await h.dance.session(h.browser.request("/"), "printer")).token;
    const replay = await h.browser.send(callback, { headers: { cookie } });
    await expectErrorPage(replay, 400, "missing_transaction");
    expectNoTokenWritten(replay, "printer");
    expect(h.to(provider.accessTokenUrl)).toHaveLength(1);
    expect((await h.dance.session(h.browser.request("/"), "printer")).token).toEqual(stored);
  });

  it("a provider that does not confirm the callback (OAuth 1.0) is refused at login: token_exchange_failed, the error event, no redirect", async () => {
    const h = harness(method, { at: unconfirmed });
    const res = await h.browser.send("/login/printer");
    await expectErrorPage(res, 400, "token_exchange_failed");
    expect(setCookies(res).filter((c) => c.startsWith("dance-tx-printer=") && !isDeletion(c))).toEqual([]);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]).toMatchObject({ error: "callback_not_confirmed" });
  });

  it("a verifier oauthlib refuses: its 401 → token_exchange_failed with the provider's answer, through the error event", async () => {
    const h = harness(method);
    const callback = await authorize(await startLogin(h));
    callback.searchParams.set("oauth_verifier", "wrongverifier0000000000000");
    const res = await h.browser.send(callback);
    const page = await expectErrorPage(res, 400, "token_exchange_failed");
    expect(page).toContain("Token request failed with code 401");
    expectTransactionCleared(res, "printer");
    expectNoTokenWritten(res, "printer");
    expect(h.to(provider.accessTokenUrl)).toHaveLength(1);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]).toMatchObject({ provider: "printer", error: "unauthorized" });
    expect(h.errors[0]!.description).toMatch(/^Token request failed with code 401, response was '.*wrong verifier/);
  });
});

describe("two logins at once (two tabs)", () => {
  it("each completes with its own request token and secret", async () => {
    const h = harness("HMAC-SHA1");
    const first = await startLogin(h, "/login/printer?next=/one");
    const second = await startLogin(h, "/login/printer?next=/two");
    const [cb1, cb2] = [await authorize(first), await authorize(second)];
    const two = await h.browser.send(cb2);
    expect(two.headers.get("location")).toBe("/two");
    const one = await h.browser.send(cb1);
    expect(one.headers.get("location")).toBe("/one");
    expect(h.to(provider.accessTokenUrl).map((c) => c.status)).toEqual([200, 200]);
  });
});

describe("SECURITY.md 35", () => {
  it("HMAC-SHA1 by default, CSPRNG nonces, timestamps in seconds; the access-token request is signed with the request-token secret", async () => {
    const times: number[] = [];
    const clock = () => Date.now() - 1234;
    const h = harness("HMAC-SHA1", { config: { now: () => (times.push(clock()), clock()) } });
    // No signatureMethod given: HMAC-SHA1.
    expect(printer("HMAC-SHA1").signatureMethod).toBeUndefined();
    const callback = await authorize(await startLogin(h));
    expect((await h.browser.send(callback)).status).toBe(302);
    const [initiate] = h.to(provider.requestTokenUrl);
    const [exchange] = h.to(provider.accessTokenUrl);
    const requestToken = Object.fromEntries(new URLSearchParams(initiate!.body));
    const signed = [oauthParams(initiate!.authorization), oauthParams(exchange!.authorization)];
    for (const p of signed) {
      expect(p.oauth_signature_method).toBe("HMAC-SHA1");
      expect(p.oauth_nonce).toMatch(/^[0-9a-f]{64}$/);
      expect(p.oauth_timestamp).toMatch(/^\d{10}$/);
      // Seconds, from the configured clock.
      expect(times.map((t) => String(Math.floor(t / 1000)))).toContain(p.oauth_timestamp);
    }
    expect(signed[0]!.oauth_nonce).not.toBe(signed[1]!.oauth_nonce);

    // Recompute the access-token signature with node:crypto: the key is client secret & request-token secret.
    const { oauth_signature, ...params } = signed[1]!;
    const normalized = Object.entries(params)
      .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const base = ["POST", percentEncode(provider.accessTokenUrl), percentEncode(normalized)].join("&");
    const withSecret = createHmac("sha1", `${percentEncode(HMAC.secret)}&${percentEncode(requestToken.oauth_token_secret!)}`).update(base).digest("base64");
    const withoutSecret = createHmac("sha1", `${percentEncode(HMAC.secret)}&`).update(base).digest("base64");
    expect(oauth_signature).toBe(withSecret);
    expect(oauth_signature).not.toBe(withoutSecret);
  });

  it("nonces do not repeat over many signed calls", async () => {
    const h = harness("HMAC-SHA1", { config: { storage: new MemoryStorage() } });
    const s = await h.dance.session(h.browser.request("/"), "printer");
    await s.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t", oauth_token_secret: "ts" });
    for (let i = 0; i < 200; i++) await (await s.fetch("things")).arrayBuffer();
    const nonces = new Set(h.to(`${provider.apiBaseUrl}things`).map((call) => oauthParams(call.authorization).oauth_nonce));
    expect(nonces.size).toBe(200);
  });
});
