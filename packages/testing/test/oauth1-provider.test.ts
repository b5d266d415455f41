/**
 * Dance's OAuth 1.0a signing layer against an independent verifier: oauthlib's RFC 5849
 * endpoints (Debian's python3-oauthlib) run by `startOAuth1Provider`. The provider, not our
 * code, decides whether each signature, nonce, token and verifier is valid.
 */
import { generateKeyPairSync } from "node:crypto";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOAuth1Signer,
  oauth1AccessTokenRequest,
  oauth1RequestTokenRequest,
  parseOAuth1TokenResponse,
  signOAuth1Request,
  type OAuth1Signer,
  type OAuth1Token,
} from "../../core/src/oauth1/index.js";
import { startOAuth1Provider, type RunningOAuth1Provider } from "../src/oauth1-provider.js";

const CALLBACK = "http://127.0.0.1:3000/login/printer/authorized";
const HMAC_CLIENT = { key: "printer-hmac", secret: "printer-hmac-secret-0123456789" };
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA_CLIENT = { key: "printer-rsa", rsaPublicKey: rsa.publicKey.export({ type: "spki", format: "pem" }) as string };
const PKCS1 = rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
const PKCS8 = rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string;

/** What the provider's /api/ routes answer for a verified request. */
interface Verified {
  method: string;
  path: string;
  query: [string, string][];
  form: [string, string][] | null;
  body: string;
  content_type: string | null;
  client: string;
  token: string;
  signature_method: string;
  host: string;
}

/** The three steps, checked as they go; returns the token credentials. */
async function danceWith(signer: OAuth1Signer, provider: RunningOAuth1Provider): Promise<OAuth1Token & { requestToken: string }> {
  const initiate = await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: CALLBACK }));
  const initiateBody = await initiate.text();
  expect(initiate.status, initiateBody).toBe(200);
  const temporary = parseOAuth1TokenResponse(initiateBody);
  expect(temporary?.["oauth_callback_confirmed"]).toBe("true");

  const authorize = await fetch(`${provider.authorizeUrl}?oauth_token=${encodeURIComponent(temporary!.oauth_token)}`, { redirect: "manual" });
  expect(authorize.status, await authorize.clone().text()).toBe(302);
  const callback = new URL(authorize.headers.get("location")!);
  expect(callback.origin + callback.pathname).toBe(CALLBACK);
  expect(callback.searchParams.get("oauth_token")).toBe(temporary!.oauth_token);
  const verifier = callback.searchParams.get("oauth_verifier");
  expect(verifier).toMatch(/^\w{20,}$/);

  const exchange = await fetch(await oauth1AccessTokenRequest(signer, provider.accessTokenUrl, { requestToken: temporary!, verifier: verifier! }));
  const exchangeBody = await exchange.text();
  expect(exchange.status, exchangeBody).toBe(200);
  const token = parseOAuth1TokenResponse(exchangeBody);
  expect(token).toBeDefined();
  expect(token!.oauth_token).not.toBe(temporary!.oauth_token);
  return { oauth_token: token!.oauth_token, oauth_token_secret: token!.oauth_token_secret, requestToken: temporary!.oauth_token };
}

async function call(request: Request): Promise<{ status: number; json: any }> {
  const response = await fetch(request);
  return { status: response.status, json: await response.json() };
}

/** Send a request to 127.0.0.1:port with a Host header of our choosing, as a proxy in front of the provider would. */
async function sendWithHost(request: Request, port: number, host: string): Promise<{ status: number; json: any }> {
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = { ...Object.fromEntries(request.headers), host };
  if (body) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method: request.method, path: url.pathname + url.search, headers }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (data += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(data) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("startOAuth1Provider (python3-oauthlib) verifies Dance's OAuth 1.0a signatures", () => {
  let provider: RunningOAuth1Provider;
  beforeAll(async () => {
    provider = await startOAuth1Provider({ clients: [HMAC_CLIENT, RSA_CLIENT] });
  });
  afterAll(() => provider?.close());

  it("listens on 127.0.0.1 and answers unsigned API calls with 401 and oauthlib's reason", async () => {
    expect(provider.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(provider.apiBaseUrl).toBe(`${provider.url}/api/`);
    const { status, json } = await call(new Request(`${provider.apiBaseUrl}me`));
    expect(status).toBe(401);
    expect(json.reasons.join(" ")).toMatch(/Missing mandatory OAuth parameters/);
  });

  describe.each([
    { name: "HMAC-SHA1", client: HMAC_CLIENT.key, signer: () => createOAuth1Signer({ consumerKey: HMAC_CLIENT.key, consumerSecret: HMAC_CLIENT.secret }) },
    { name: "RSA-SHA1, PKCS#1 key", client: RSA_CLIENT.key, signer: () => createOAuth1Signer({ consumerKey: RSA_CLIENT.key, signatureMethod: "RSA-SHA1", privateKey: PKCS1 }) },
    { name: "RSA-SHA1, PKCS#8 key", client: RSA_CLIENT.key, signer: () => createOAuth1Signer({ consumerKey: RSA_CLIENT.key, signatureMethod: "RSA-SHA1", privateKey: PKCS8 }) },
  ])("$name", ({ client, signer: makeSigner }) => {
    let signer: OAuth1Signer;
    let token: OAuth1Token;
    beforeAll(async () => {
      signer = await makeSigner();
      token = await danceWith(signer, provider);
    });

    it("request token (oauth_callback_confirmed=true) → authorize (redirect followed by hand) → access token (signed with the request-token secret)", async () => {
      const again = await danceWith(signer, provider);
      expect(again.oauth_token).not.toBe(token.oauth_token);
    });

    it("GET with a query: repeated names, '=' and '+' in values, encoded names", async () => {
      const url = `${provider.apiBaseUrl}photos?file=vacation.jpg&size=original&q=a+b&eq=x=y%3Dz&rep=2&rep=1&a%20b=%2B%26&empty=`;
      const { status, json } = await call(await signOAuth1Request(signer, new Request(url), token));
      expect(status, JSON.stringify(json)).toBe(200);
      const verified = json as Verified;
      expect(verified).toMatchObject({ method: "GET", path: "/api/photos", client, token: token.oauth_token, signature_method: signer.signatureMethod });
      expect(verified.query).toEqual([
        ["file", "vacation.jpg"],
        ["size", "original"],
        ["q", "a b"],
        ["eq", "x=y=z"],
        ["rep", "2"],
        ["rep", "1"],
        ["a b", "+&"],
        ["empty", ""],
      ]);
    });

    it("POST with a form body, one name also in the query", async () => {
      const body = new URLSearchParams([["status", "Hello Ladies + Gentlemen, a signed OAuth request!"], ["dup", "from-body"], ["eq", "k=v"]]);
      const request = new Request(`${provider.apiBaseUrl}statuses/update?dup=from-query&include_entities=true`, { method: "POST", body });
      const { status, json } = await call(await signOAuth1Request(signer, request, token));
      expect(status, JSON.stringify(json)).toBe(200);
      expect((json as Verified).form).toEqual([
        ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
        ["dup", "from-body"],
        ["eq", "k=v"],
      ]);
      expect((json as Verified).query).toEqual([
        ["dup", "from-query"],
        ["include_entities", "true"],
      ]);
    });

    it("POST with JSON: the body is sent, not signed", async () => {
      const request = new Request(`${provider.apiBaseUrl}items?tag=x`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "a=b&c+d", n: 1 }),
      });
      const { status, json } = await call(await signOAuth1Request(signer, request, token));
      expect(status, JSON.stringify(json)).toBe(200);
      expect(json).toMatchObject({ method: "POST", form: null, content_type: "application/json" });
      expect(JSON.parse((json as Verified).body)).toEqual({ name: "a=b&c+d", n: 1 });
    });

    it("PUT and DELETE", async () => {
      for (const method of ["PUT", "DELETE"]) {
        const { status, json } = await call(await signOAuth1Request(signer, new Request(`${provider.apiBaseUrl}items/1`, { method }), token));
        expect(status, JSON.stringify(json)).toBe(200);
        expect(json.method).toBe(method);
      }
    });

    it("an upper-case host with an explicit default port (the provider normalises the Host it receives)", async () => {
      const signed = await signOAuth1Request(signer, new Request("http://API.Example.TEST:80/api/me?x=1"), token);
      const port = Number(new URL(provider.url).port);
      const { status, json } = await sendWithHost(signed, port, "API.Example.TEST:80");
      expect(status, JSON.stringify(json)).toBe(200);
      expect(json).toMatchObject({ host: "API.Example.TEST:80", path: "/api/me", query: [["x", "1"]] });
    });

    it("an upper-case host on the provider's own port, through fetch", async () => {
      const port = new URL(provider.url).port;
      const { status, json } = await call(await signOAuth1Request(signer, new Request(`http://LOCALHOST:${port}/api/me`), token));
      expect(status, JSON.stringify(json)).toBe(200);
      expect(json.host).toBe(`localhost:${port}`);
    });
  });

  describe("refusals: the provider's validator is a real one", () => {
    let signer: OAuth1Signer;
    let token: OAuth1Token;
    beforeAll(async () => {
      signer = await createOAuth1Signer({ consumerKey: HMAC_CLIENT.key, consumerSecret: HMAC_CLIENT.secret });
      token = await danceWith(signer, provider);
    });

    it("a tampered signature is refused", async () => {
      const signed = await signOAuth1Request(signer, new Request(`${provider.apiBaseUrl}me?x=1`), token);
      const authorization = signed.headers.get("authorization")!;
      const tampered = authorization.replace(/oauth_signature="(.)/, (_, first: string) => `oauth_signature="${first === "A" ? "B" : "A"}`);
      expect(tampered).not.toBe(authorization);
      const { status, json } = await call(new Request(signed, { headers: { authorization: tampered } }));
      expect(status).toBe(401);
      expect(json.reasons).toContain("invalid signature (HMAC-SHA1)");
    });

    it("a changed query after signing, a wrong token secret and a wrong client secret are refused", async () => {
      const signed = await signOAuth1Request(signer, new Request(`${provider.apiBaseUrl}me?amount=1`), token);
      const moved = await call(new Request(`${provider.apiBaseUrl}me?amount=1000`, { headers: signed.headers }));
      expect(moved.status).toBe(401);
      expect(moved.json.reasons).toContain("invalid signature (HMAC-SHA1)");

      const wrongSecret = await call(await signOAuth1Request(signer, new Request(`${provider.apiBaseUrl}me`), { ...token, oauth_token_secret: "guess" }));
      expect(wrongSecret.status).toBe(401);
      const impostor = await createOAuth1Signer({ consumerKey: HMAC_CLIENT.key, consumerSecret: "not-the-secret" });
      const wrongClient = await call(await signOAuth1Request(impostor, new Request(`${provider.apiBaseUrl}me`), token));
      expect(wrongClient.status).toBe(401);
    });

    it("a form body changed after signing is refused", async () => {
      const signed = await signOAuth1Request(
        signer,
        new Request(`${provider.apiBaseUrl}transfer`, { method: "POST", body: new URLSearchParams({ amount: "1" }) }),
        token,
      );
      const changed = await call(new Request(signed.url, { method: "POST", headers: signed.headers, body: "amount=1000" }));
      expect(changed.status).toBe(401);
      expect(changed.json.reasons).toContain("invalid signature (HMAC-SHA1)");
    });

    it("a replayed request (same nonce and timestamp) is refused", async () => {
      const signed = await signOAuth1Request(signer, new Request(`${provider.apiBaseUrl}me`), token);
      expect((await call(signed.clone())).status).toBe(200);
      const replay = await call(signed);
      expect(replay.status).toBe(401);
      expect(replay.json.reasons).toContain("nonce already used");
    });

    it("a stale timestamp is refused", async () => {
      const old = await call(await signOAuth1Request(signer, new Request(`${provider.apiBaseUrl}me`), token, { now: () => Date.now() - 3600_000 }));
      expect(old.status).toBe(401);
      expect(old.json.reasons.join(" ")).toMatch(/Timestamp given is invalid/);
    });

    it("an access-token call with a wrong verifier, an unauthorized request token, or another client's request token is refused", async () => {
      const temporary = async () => parseOAuth1TokenResponse(await (await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: CALLBACK }))).text())!;

      const notAuthorized = await temporary();
      const early = await fetch(await oauth1AccessTokenRequest(signer, provider.accessTokenUrl, { requestToken: notAuthorized, verifier: "a".repeat(30) }));
      expect(early.status).toBe(401);
      expect((await early.json()).reasons).toContain("request token not authorized");

      const authorized = await temporary();
      const redirect = await fetch(`${provider.authorizeUrl}?oauth_token=${authorized.oauth_token}`, { redirect: "manual" });
      const verifier = new URL(redirect.headers.get("location")!).searchParams.get("oauth_verifier")!;
      const wrongVerifier = `${verifier.slice(0, -1)}${verifier.endsWith("x") ? "y" : "x"}`;
      const wrong = await fetch(await oauth1AccessTokenRequest(signer, provider.accessTokenUrl, { requestToken: authorized, verifier: wrongVerifier }));
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).reasons).toContain("wrong verifier");

      const other = await createOAuth1Signer({ consumerKey: RSA_CLIENT.key, signatureMethod: "RSA-SHA1", privateKey: PKCS8 });
      const stolen = await fetch(await oauth1AccessTokenRequest(other, provider.accessTokenUrl, { requestToken: authorized, verifier }));
      expect(stolen.status).toBe(401);
      expect((await stolen.json()).reasons).toContain("request token issued to another client");

      // The rightful client still completes, once.
      const ok = await fetch(await oauth1AccessTokenRequest(signer, provider.accessTokenUrl, { requestToken: authorized, verifier }));
      expect(ok.status).toBe(200);
      const reused = await fetch(await oauth1AccessTokenRequest(signer, provider.accessTokenUrl, { requestToken: authorized, verifier }));
      expect(reused.status).toBe(401);
    });

    it("an access token is bound to its client", async () => {
      const other = await createOAuth1Signer({ consumerKey: RSA_CLIENT.key, signatureMethod: "RSA-SHA1", privateKey: PKCS8 });
      const { status, json } = await call(await signOAuth1Request(other, new Request(`${provider.apiBaseUrl}me`), token));
      expect(status).toBe(401);
      expect(json.reasons).toContain("access token issued to another client");
    });

    it("the deny switch answers the callback with denied=<oauth_token>", async () => {
      const temporary = parseOAuth1TokenResponse(await (await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: CALLBACK }))).text())!;
      const redirect = await fetch(`${provider.authorizeUrl}?oauth_token=${temporary.oauth_token}&deny=1`, { redirect: "manual" });
      expect(redirect.status).toBe(302);
      const callback = new URL(redirect.headers.get("location")!);
      expect(callback.origin + callback.pathname).toBe(CALLBACK);
      expect(callback.searchParams.get("denied")).toBe(temporary.oauth_token);
      expect(callback.searchParams.has("oauth_verifier")).toBe(false);
    });
  });
});

describe("startOAuth1Provider options and failures", () => {
  it("deny: true refuses every authorization", async () => {
    const provider = await startOAuth1Provider({ clients: [HMAC_CLIENT], deny: true });
    try {
      const signer = await createOAuth1Signer({ consumerKey: HMAC_CLIENT.key, consumerSecret: HMAC_CLIENT.secret });
      const temporary = parseOAuth1TokenResponse(await (await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: CALLBACK }))).text())!;
      const redirect = await fetch(`${provider.authorizeUrl}?oauth_token=${temporary.oauth_token}`, { redirect: "manual" });
      expect(new URL(redirect.headers.get("location")!).searchParams.get("denied")).toBe(temporary.oauth_token);
    } finally {
      await provider.close();
    }
  });

  it("registered callbacks: any other oauth_callback is refused at the request-token step", async () => {
    const provider = await startOAuth1Provider({ clients: [{ ...HMAC_CLIENT, callbacks: [CALLBACK] }] });
    try {
      const signer = await createOAuth1Signer({ consumerKey: HMAC_CLIENT.key, consumerSecret: HMAC_CLIENT.secret });
      const refused = await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: "https://evil.example/cb" }));
      expect(refused.status).toBe(401);
      expect((await refused.json()).reasons).toContain("callback not registered");
      expect((await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: CALLBACK }))).status).toBe(200);
    } finally {
      await provider.close();
    }
  });

  it("names apt-get install python3-oauthlib when the interpreter lacks oauthlib, or is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dance-oauth1-"));
    try {
      // Debian's python without its site-packages (-S): the same interpreter, no oauthlib.
      const python = join(dir, "python3");
      await writeFile(python, '#!/bin/sh\nexec /usr/bin/python3 -S "$@"\n');
      await chmod(python, 0o755);
      await expect(startOAuth1Provider({ clients: [], python })).rejects.toThrow(/apt-get install python3-oauthlib/);
      await expect(startOAuth1Provider({ clients: [], python: join(dir, "absent") })).rejects.toThrow(/not found; .*apt-get install python3-oauthlib/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
