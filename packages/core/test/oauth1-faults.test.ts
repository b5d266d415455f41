/**
 * OAuth 1.0a: what providers answer when things go wrong, configuration mistakes, and the
 * session's view of OAuth 1 tokens. The provider is a stub here (fault injection); the dance
 * against a real provider is oauth1-dance.test.ts.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, MemoryStorage, type DanceConfig, type ErrorEvent } from "@dance/core";
import { oauth1, type OAuth1Options } from "@dance/providers/oauth1";
import { Browser, expectErrorPage, expectNoTokenWritten, expectTransactionCleared, isDeletion, SECRET, setCookies } from "./helpers.js";

const PROVIDER = "https://printer.example";
const ENDPOINTS = {
  requestTokenUrl: `${PROVIDER}/oauth/request_token`,
  authorizationUrl: `${PROVIDER}/oauth/authorize`,
  accessTokenUrl: `${PROVIDER}/oauth/access_token`,
  apiBaseUrl: `${PROVIDER}/api/`,
};
const TEMPORARY = "oauth_token=request-token&oauth_token_secret=request-secret&oauth_callback_confirmed=true";
const ACCESS = "oauth_token=access-token&oauth_token_secret=access-secret&user_id=42&screen_name=ada";
const form = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "application/x-www-form-urlencoded" } });

type Answer = Response | Error | "hang";

/** A Dance on a stub provider answering `requestToken` and `accessToken` (ok by default); records calls and error events. */
function stubbed(answers: { requestToken?: () => Answer; accessToken?: () => Answer } = {}, config: Partial<DanceConfig> = {}, provider: Partial<OAuth1Options> = {}) {
  const calls: string[] = [];
  const errors: ErrorEvent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = request.url.split("?")[0]!;
    calls.push(url);
    const answer = url === ENDPOINTS.requestTokenUrl ? (answers.requestToken?.() ?? form(TEMPORARY)) : url === ENDPOINTS.accessTokenUrl ? (answers.accessToken?.() ?? form(ACCESS)) : Response.json({ url: request.url });
    if (answer === "hang") {
      return new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const dance = createDance({
    secret: SECRET,
    providers: [oauth1({ id: "printer", clientKey: "ck", clientSecret: "cs", ...ENDPOINTS, ...provider })],
    fetch: fetchImpl,
    warn: () => {},
    on: { error: (event) => void errors.push(event) },
    ...config,
  });
  return { dance, browser: new Browser(dance), calls, errors };
}

const CALLBACK = "/login/printer/authorized?oauth_token=request-token&oauth_verifier=the-verifier";

describe("request-token faults: a typed error, the error event with the provider's answer, never a 500", () => {
  const cases: [string, () => Answer, number, string, RegExp][] = [
    ["a 502 HTML page", () => new Response("<html><body>Bad gateway</body></html>", { status: 502, headers: { "content-type": "text/html" } }), 502, "provider_unavailable", /^Token request failed with code 502, response was '<html><body>Bad gateway<\/body><\/html>'\.$/],
    ["an HTML page with HTTP 200", () => new Response("<!doctype html><p>Maintenance</p>", { headers: { "content-type": "text/html" } }), 502, "provider_unavailable", /^Token request answered HTTP 200 with a body that is not a token response: '<!doctype html><p>Maintenance<\/p>'\.$/],
    ["JSON with HTTP 200", () => Response.json({ token: "x" }), 502, "provider_unavailable", /body that is not a token response/],
    ["a 401 with oauth_problem (Problem Reporting)", () => form("oauth_problem=signature_invalid&oauth_problem_advice=check+the+key", 401), 400, "token_exchange_failed", /^Token request failed with code 401, response was 'oauth_problem=signature_invalid&oauth_problem_advice=check\+the\+key'\.$/],
    ["a form without the secret", () => form("oauth_token=only-the-token&oauth_callback_confirmed=true"), 400, "token_exchange_failed", /^Response does not contain a token: \{oauth_token, oauth_callback_confirmed\}$/],
  ];
  it.each(cases)("%s → %i %s", async (_, answer, status, code, description) => {
    const { browser, errors } = stubbed({ requestToken: answer });
    const res = await browser.send("/login/printer");
    await expectErrorPage(res, status, code);
    expect(setCookies(res).filter((c) => c.startsWith("dance-tx-printer=") && !isDeletion(c))).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.danceError.code).toBe(code);
    expect(errors[0]!.description).toMatch(description);
    expect(errors[0]!.description).not.toContain("only-the-token");
  });

  it("the provider's oauth_problem, or its JSON error, is the event's error", async () => {
    const problem = stubbed({ requestToken: () => form("oauth_problem=consumer_key_unknown", 401) });
    await problem.browser.send("/login/printer");
    expect(problem.errors[0]!.error).toBe("consumer_key_unknown");
    const json = stubbed({ requestToken: () => Response.json({ error: "unauthorized" }, { status: 401 }) });
    await json.browser.send("/login/printer");
    expect(json.errors[0]!.error).toBe("unauthorized");
    const bare = stubbed({ requestToken: () => new Response("nope", { status: 403 }) });
    await bare.browser.send("/login/printer");
    expect(bare.errors[0]!.error).toBe("http_403");
  });

  it("a reset connection or a slow endpoint → 502 provider_unavailable without an event (nothing was said)", async () => {
    const reset = stubbed({ requestToken: () => new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }) });
    await expectErrorPage(await reset.browser.send("/login/printer"), 502, "provider_unavailable");
    expect(reset.errors).toEqual([]);
    const slow = stubbed({ requestToken: () => "hang" }, { timeout: 50 });
    await expectErrorPage(await slow.browser.send("/login/printer"), 502, "provider_unavailable");
    expect(slow.errors).toEqual([]);
  });

  it("with errorRedirectTo: a redirect carrying the code, after the event", async () => {
    const { browser, errors } = stubbed({ requestToken: () => form("oauth_problem=timestamp_refused", 401) }, { errorRedirectTo: "/oops" });
    const res = await browser.send("/login/printer");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/oops?error=token_exchange_failed&provider=printer");
    expect(errors).toHaveLength(1);
  });

  it("a Response returned by the error event is sent instead", async () => {
    const { dance } = stubbed({ requestToken: () => form("x=1", 500) });
    dance.on("error", ({ error }) => new Response(`sorry: ${error}`, { status: 503 }));
    const browser = new Browser(dance);
    const res = await browser.send("/login/printer");
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("sorry: http_500");
  });
});

describe("access-token faults", () => {
  it.each([
    ["a 502 HTML page", () => new Response("<h1>502</h1>", { status: 502 }), 502, "provider_unavailable"],
    ["a 401", () => form("oauth_problem=verifier_invalid", 401), 400, "token_exchange_failed"],
    ["a form without a token", () => form("user_id=42"), 400, "token_exchange_failed"],
    ["a reset connection", () => new TypeError("fetch failed"), 502, "provider_unavailable"],
  ] as [string, () => Answer, number, string][])("%s → %i %s; the transaction is used up, nothing stored", async (_, answer, status, code) => {
    const { browser, calls } = stubbed({ accessToken: answer });
    expect((await browser.send("/login/printer")).status).toBe(302);
    const res = await browser.send(CALLBACK);
    await expectErrorPage(res, status, code);
    expectTransactionCleared(res, "printer");
    expectNoTokenWritten(res, "printer");
    expect(calls.filter((c) => c === ENDPOINTS.accessTokenUrl)).toHaveLength(1);
  });

  it("a successful answer is stored whole, with access_token = oauth_token and token_type oauth1", async () => {
    const storage = new MemoryStorage();
    const { browser } = stubbed({}, { storage });
    await browser.send("/login/printer");
    expect((await browser.send(CALLBACK)).status).toBe(302);
    expect(storage.entries().get("printer")).toEqual({
      oauth_token: "access-token",
      oauth_token_secret: "access-secret",
      user_id: "42",
      screen_name: "ada",
      access_token: "access-token",
      token_type: "oauth1",
    });
  });
});

describe("the authorization redirect", () => {
  it("carries oauth_token, the provider's authorizationParams (falsy ones left out) and per-login params", async () => {
    const { dance } = stubbed({}, {}, { authorizationParams: { force_login: "true", screen_name: undefined, lang: false } });
    const { url } = await dance.beginLogin(new Request("http://localhost:3000/"), "printer", { params: { screen_name: "ada", oauth_token: "ignored" } });
    expect([...url.searchParams]).toEqual([
      ["oauth_token", "request-token"],
      ["force_login", "true"],
      ["screen_name", "ada"],
    ]);
  });
});

describe("the session of an OAuth 1 provider", () => {
  const rsaKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;

  it("authorized as Flask-Dance says: HMAC needs the token and its secret", async () => {
    const { dance } = stubbed({}, { storage: new MemoryStorage() });
    const session = await dance.session(new Request("http://localhost:3000/"), "printer");
    expect(session.authorized).toBe(false);
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t" });
    expect(session.authorized).toBe(false);
    await expect(session.fetch("x")).rejects.toMatchObject({ code: "not_authorized" });
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t", oauth_token_secret: "s" });
    expect(session.authorized).toBe(true);
  });

  it("RSA-SHA1 needs only the token", async () => {
    const { dance } = stubbed({}, { storage: new MemoryStorage() }, { clientSecret: undefined, signatureMethod: "RSA-SHA1", rsaKey });
    const session = await dance.session(new Request("http://localhost:3000/"), "printer");
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t" });
    expect(session.authorized).toBe(true);
    const res = await session.fetch("things");
    expect((await res.json()).url).toBe(`${ENDPOINTS.apiBaseUrl}things`);
  });

  it("revoke() is unsupported: OAuth 1 has no revocation endpoint", async () => {
    const { dance } = stubbed({}, { storage: new MemoryStorage() });
    const session = await dance.session(new Request("http://localhost:3000/"), "printer");
    await session.setToken({ access_token: "t", token_type: "oauth1", oauth_token: "t", oauth_token_secret: "s" });
    await expect(session.revoke()).rejects.toMatchObject({ code: "unsupported_operation" });
  });
});

describe("configuration mistakes fail at createDance(), saying what to set", () => {
  const make = (provider: Partial<OAuth1Options>, env: Record<string, string> = {}) => () =>
    createDance({ secret: SECRET, env, providers: [oauth1({ id: "printer", ...ENDPOINTS, ...provider } as OAuth1Options)] });

  it.each([
    ["no client key", {}, /no client key\. Set the PRINTER_OAUTH_CLIENT_KEY environment variable/],
    ["no client secret", { clientKey: "k" }, /no client secret\. Set the PRINTER_OAUTH_CLIENT_SECRET environment variable/],
    ["no RSA key", { clientKey: "k", signatureMethod: "RSA-SHA1" }, /Set the PRINTER_OAUTH_RSA_KEY environment variable/],
    ["an RSA key that is not PEM, without a file hook", { clientKey: "k", signatureMethod: "RSA-SHA1", rsaKey: "/etc/key.pem" }, /`rsaKey` is not PEM text/],
    ["an encrypted RSA key", { clientKey: "k", signatureMethod: "RSA-SHA1", rsaKey: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----" }, /the private key is encrypted/],
    ["rsaKey with HMAC-SHA1", { clientKey: "k", clientSecret: "s", rsaKey: "x" }, /`rsaKey` is only used with `signatureMethod: "RSA-SHA1"`/],
    ["an unknown signature method", { clientKey: "k", clientSecret: "s", signatureMethod: "HMAC-SHA256" as never }, /`signatureMethod` must be one of HMAC-SHA1, RSA-SHA1, PLAINTEXT/],
    ["PLAINTEXT with an http endpoint (even loopback)", { clientKey: "k", clientSecret: "s", signatureMethod: "PLAINTEXT", accessTokenUrl: "http://127.0.0.1:9/token" }, /PLAINTEXT sends the client and token secrets as they are: `accessTokenUrl` must be https/],
    ["a plain-http endpoint off loopback", { clientKey: "k", clientSecret: "s", apiBaseUrl: "http://api.printer.example/" }, /plain http on a non-loopback host/],
    ["no access-token URL", { clientKey: "k", clientSecret: "s", accessTokenUrl: undefined }, /`accessTokenUrl` is required/],
    ["oauth_token among the authorization parameters", { clientKey: "k", clientSecret: "s", authorizationParams: { oauth_token: "x" } }, /authorization parameter "oauth_token" is set by Dance/],
    ["a realm with a quote", { clientKey: "k", clientSecret: "s", realm: 'a"b' }, /realm must not contain a double quote/],
  ] as [string, Partial<OAuth1Options>, RegExp][])("%s", (_, provider, message) => {
    expect(make(provider)).toThrow(DanceConfigError);
    expect(make(provider)).toThrow(message);
    try {
      make(provider)();
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_config", provider: "printer" });
    }
  });

  it("reads <ID>_OAUTH_CLIENT_KEY / _SECRET, or the names in `env`", () => {
    expect(make({}, { PRINTER_OAUTH_CLIENT_KEY: "k", PRINTER_OAUTH_CLIENT_SECRET: "s" })).not.toThrow();
    expect(make({ env: { clientKey: "MY_KEY", clientSecret: "MY_SECRET" } }, { MY_KEY: "k", MY_SECRET: "s" })).not.toThrow();
    expect(make({ env: { clientKey: "MY_KEY" } }, { PRINTER_OAUTH_CLIENT_KEY: "k", PRINTER_OAUTH_CLIENT_SECRET: "s" })).toThrow(/MY_KEY/);
  });

  it("PLAINTEXT over https is accepted", () => {
    expect(make({ clientKey: "k", clientSecret: "s", signatureMethod: "PLAINTEXT" })).not.toThrow();
  });

  it("a PEM whose key WebCrypto cannot import fails at ready(); the handler answers the config error page, never an exception", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const { dance, browser } = stubbed({}, {}, { clientSecret: undefined, signatureMethod: "RSA-SHA1", rsaKey: ec });
    await expect(dance.ready()).rejects.toThrow(/provider "printer": `rsaKey`: OAuth 1 RSA-SHA1: the "PRIVATE KEY" could not be imported as an RSA private key/);
    const res = await browser.send("/login/printer");
    const page = await expectErrorPage(res, 500, "invalid_config");
    expect(page).not.toContain("PRIVATE KEY");
  });
});
