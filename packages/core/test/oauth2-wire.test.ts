/**
 * The OAuth 2 wire protocol core speaks itself (`src/oauth2.ts`, `src/tokens.ts`): what a token,
 * refresh or revocation request looks like on the wire, and which token answers are accepted
 * (RFC 6749 §5.1) or refused (§5.2) — checked against the fake provider over real sockets.
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, MemoryStorage } from "@dance/core";
import { discoveryUrl } from "../src/oidc/discovery.js";
import { Browser, Clock, expectRefused, fakeDance, fakeOauth2, SECRET, useFakeProvider, withParams } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

function plainDance(options: Parameters<typeof fakeOauth2>[1] = {}, storage = new MemoryStorage()) {
  return { storage, dance: createDance({ secret: SECRET, storage, providers: [fakeOauth2(fake, options)], warn: () => {}, now: clock.now }) };
}

describe("token requests on the wire", () => {
  it("a form POST asking for JSON, with a User-Agent, the PKCE verifier and the redirect_uri", async () => {
    const { dance } = plainDance();
    expect((await new Browser(dance).login("/login/plain")).status).toBe(302);
    const [call] = fake.tokenRequests;
    expect(call!.method).toBe("POST");
    expect(call!.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(call!.headers.accept).toBe("application/json");
    expect(call!.headers["user-agent"]).toBe("dance");
    expect(call!.form.get("grant_type")).toBe("authorization_code");
    expect(call!.form.get("redirect_uri")).toBe("http://localhost:3000/login/plain/authorized");
    expect(call!.form.get("code_verifier")).toMatch(/^[\w-]{43}$/);
    // client_secret_basic by default: nothing secret in the body.
    expect(call!.form.has("client_secret")).toBe(false);
    expect(call!.headers.authorization).toMatch(/^Basic /);
  });

  it("tokenHeaders go on token requests (a provider's own User-Agent wins); Authorization and Content-Type are refused at start-up", async () => {
    const { dance } = plainDance({ tokenHeaders: { "user-agent": "my-app/1.0", "x-extra": "1" } });
    expect((await new Browser(dance).login("/login/plain")).status).toBe(302);
    expect(fake.tokenRequests[0]!.headers["user-agent"]).toBe("my-app/1.0");
    expect(fake.tokenRequests[0]!.headers["x-extra"]).toBe("1");
    for (const name of ["Authorization", "content-type"]) {
      expect(() => plainDance({ tokenHeaders: { [name]: "x" } })).toThrow(new DanceConfigError(`provider "plain": token header "${name}" is set by Dance and cannot be overridden.`));
    }
    expect(() => plainDance({ tokenHeaders: { "bad header": "x" } })).toThrow(/token header "bad header" is not a valid HTTP header/);
  });

  it("a token endpoint that redirects is not followed: provider_unavailable, the redirect target never called", async () => {
    const { dance, storage } = plainDance();
    fake.onToken({ status: 307, headers: { location: `${fake.url}/api/stolen` } });
    const browser = new Browser(dance);
    const res = await browser.send(await browser.loginToCallback("/login/plain"));
    await expectRefused(res, fake, { status: 502, code: "provider_unavailable", tokenEndpointCalls: 1, provider: "plain" });
    expect(fake.requestsTo("/api/stolen")).toEqual([]);
    expect(storage.entries().size).toBe(0);
  });
});

describe("token answers (RFC 6749 §5.1)", () => {
  const login = async (body: Record<string, unknown>, status = 200) => {
    const { dance, storage } = plainDance();
    fake.reset();
    fake.onToken({ status, body });
    const browser = new Browser(dance);
    return { res: await browser.send(await browser.loginToCallback("/login/plain")), storage, browser };
  };

  it("optional members sent as null are members not sent: the token is stored without them", async () => {
    const { res, storage } = await login({ access_token: "at-1", token_type: "Bearer", refresh_token: null, scope: null, expires_in: null, id_token: null });
    expect(res.status).toBe(302);
    expect(storage.entries().get("plain")).toEqual({ access_token: "at-1", token_type: "bearer" });
  });

  it("expires_in as a string of seconds (\"3600\", \"3600.0\") is read as a number", async () => {
    for (const expiresIn of ["3600", "3600.0"]) {
      const { res, storage } = await login({ access_token: "at-1", token_type: "bearer", expires_in: expiresIn });
      expect(res.status).toBe(302);
      expect(storage.entries().get("plain")).toMatchObject({ expires_in: 3600, expires_at: Math.floor(clock.now() / 1000) + 3600 });
    }
  });

  it.each([
    ["no access_token", { token_type: "bearer" }],
    ["an empty access_token", { access_token: "", token_type: "bearer" }],
    ["a token_type Dance cannot send (mac)", { access_token: "at", token_type: "mac" }],
    ["a negative expires_in", { access_token: "at", token_type: "bearer", expires_in: -5 }],
    ["a non-numeric expires_in", { access_token: "at", token_type: "bearer", expires_in: "soon" }],
    ["a refresh_token that is not a string", { access_token: "at", token_type: "bearer", refresh_token: 42 }],
    ["a scope that is not a string", { access_token: "at", token_type: "bearer", scope: ["read"] }],
  ])("%s → 400 token_exchange_failed, nothing stored", async (_what, body) => {
    const { res, storage } = await login(body);
    await expectRefused(res, fake, { status: 400, code: "token_exchange_failed", tokenEndpointCalls: 1, provider: "plain" });
    expect(storage.entries().size).toBe(0);
  });

  it("a success status other than 200, or a 4xx without an OAuth error → token_exchange_failed", async () => {
    for (const [status, body] of [
      [201, { access_token: "at", token_type: "bearer" }],
      [401, { message: "no" }],
    ] as const) {
      const { res } = await login(body, status);
      await expectRefused(res, fake, { status: 400, code: "token_exchange_failed", tokenEndpointCalls: 1, provider: "plain" });
    }
  });
});

describe("refresh refusals", () => {
  async function expired() {
    fake.reset();
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage, now: clock.now }, { refresh: true });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    clock.advance(3600 + 5);
    fake.reset();
    return { dance, browser, storage };
  }

  it("invalid_grant → reauth_required and the token deleted; invalid_client (the app's credentials) → token_exchange_failed, the token kept", async () => {
    const kept = await expired();
    fake.onToken({ status: 401, headers: { "www-authenticate": 'Basic realm="token"' }, body: { error: "invalid_client" } });
    const session = await kept.dance.session(kept.browser.request("/"), "fake");
    await expect(session.fetch("/api/me")).rejects.toMatchObject({ code: "token_exchange_failed", providerError: { error: "invalid_client" } });
    expect(kept.storage.entries().has("fake")).toBe(true);

    const lost = await expired();
    fake.onToken({ status: 400, body: { error: "invalid_grant" } });
    const again = await lost.dance.session(lost.browser.request("/"), "fake");
    await expect(again.fetch("/api/me")).rejects.toMatchObject({ code: "reauth_required", providerError: { error: "invalid_grant" } });
    expect(lost.storage.entries().has("fake")).toBe(false);
  });
});

describe("callbacks", () => {
  it("a JWT-secured (JARM) `response` parameter is refused: only the plain code flow is accepted", async () => {
    const { dance } = plainDance();
    const browser = new Browser(dance);
    const callback = await browser.loginToCallback("/login/plain");
    const res = await browser.send(withParams(callback, { response: "eyJ.eyJ.sig" }));
    await expectRefused(res, fake, { status: 400, code: "invalid_callback", tokenEndpointCalls: 0, provider: "plain" });
  });
});

describe("OpenID discovery location (OpenID Discovery §4.1)", () => {
  it.each([
    ["https://idp.example", "https://idp.example/.well-known/openid-configuration"],
    ["https://idp.example/", "https://idp.example/.well-known/openid-configuration"],
    ["https://idp.example/realms/main", "https://idp.example/realms/main/.well-known/openid-configuration"],
    ["https://idp.example/tenant/v2.0/", "https://idp.example/tenant/v2.0/.well-known/openid-configuration"],
  ])("%s → %s", (issuer, url) => {
    expect(discoveryUrl(issuer)).toBe(url);
  });
});
