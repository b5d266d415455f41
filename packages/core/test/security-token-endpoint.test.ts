/**
 * SECURITY.md cases 14–17: token endpoint faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDance, MemoryStorage, type ErrorEvent } from "@dance/core";
import { github } from "@dance/providers/github";
import { type TokenReply } from "@dance/testing";
import { Browser, Clock, expectRefused, fakeDance, fakeOauth2, SECRET, useFakeProvider, withParams } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

// Case 16 also requires that no promise rejection is left unhandled, whatever the fault.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => void process.on("unhandledRejection", onUnhandled));
afterAll(() => void process.off("unhandledRejection", onUnhandled));
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unhandled).toEqual([]);
});

describe("token endpoint faults", () => {
  it("14. invalid_grant → error page/redirect with code token_exchange_failed", async () => {
    const storage = new MemoryStorage();
    const events: ErrorEvent[] = [];
    const browser = new Browser(fakeDance(fake, { storage, on: { error: (e) => void events.push(e) } }));

    // A code the provider does not know: the fake's own invalid_grant.
    const callback = await browser.loginToCallback();
    const res = await browser.send(withParams(callback, { code: "code-unknown" }));
    await expectRefused(res, fake, { status: 400, code: "token_exchange_failed", tokenEndpointCalls: 1 });
    expect(events.map((e) => [e.error, e.danceError.code])).toEqual([["invalid_grant", "token_exchange_failed"]]);

    // A scripted refusal whose text is markup: capped and escaped on the page.
    fake.reset();
    fake.onToken({ status: 400, body: { error: `<script>alert(1)</script>${"x".repeat(300)}`, error_description: "<b>bad</b>" } });
    const res2 = await browser.send(await browser.loginToCallback());
    const page = await expectRefused(res2, fake, { status: 400, code: "token_exchange_failed", tokenEndpointCalls: 1 });
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain("&#60;script&#62;");
    expect(page).not.toContain("x".repeat(100));

    // JSON clients get {error, message}.
    fake.reset();
    fake.onToken({ status: 400, body: { error: "invalid_grant" } });
    const res3 = await browser.send(await browser.loginToCallback(), { headers: { accept: "application/json" } });
    expect(res3.status).toBe(400);
    expect(await res3.json()).toMatchObject({ error: "token_exchange_failed", message: expect.any(String) });

    // With errorRedirectTo, a redirect carrying the code.
    fake.reset();
    fake.onToken({ status: 400, body: { error: "invalid_grant" } });
    const redirecting = new Browser(fakeDance(fake, { storage, errorRedirectTo: "/login-failed" }));
    const res4 = await redirecting.send(await redirecting.loginToCallback());
    expect(res4.status).toBe(302);
    expect(res4.headers.get("location")).toBe("/login-failed?error=token_exchange_failed&provider=fake");
    expect(storage.entries().size).toBe(0);
  });

  it("15. HTTP 200 with {error} (GitHub) or a form-encoded body → handled by content", async () => {
    const storage = new MemoryStorage();
    const events: ErrorEvent[] = [];
    const gh = { ...github({ clientId: fake.clientId, clientSecret: fake.clientSecret }), authorizationUrl: fake.authorizationEndpoint, tokenUrl: fake.tokenEndpoint };
    const dance = createDance({ secret: SECRET, storage, providers: [gh, fakeOauth2(fake)], on: { error: (e) => void events.push(e) } });
    const browser = new Browser(dance);
    const githubError = { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." };

    // GitHub: HTTP 200 with an error body, as JSON and as its default form encoding.
    for (const reply of [
      { status: 200, body: githubError },
      { status: 200, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body: new URLSearchParams(githubError).toString() },
    ] satisfies TokenReply[]) {
      fake.reset();
      events.length = 0;
      fake.onToken(reply);
      const res = await browser.send(await browser.loginToCallback("/login/github"));
      await expectRefused(res, fake, { status: 400, code: "token_exchange_failed", tokenEndpointCalls: 1, provider: "github" });
      expect(events.map((e) => e.error)).toEqual(["bad_verification_code"]);
    }
    // Any provider: a 200 error body is not a token.
    fake.reset();
    fake.onToken({ status: 200, body: githubError });
    await expectRefused(await browser.send(await browser.loginToCallback("/login/plain")), fake, {
      status: 400,
      code: "token_exchange_failed",
      tokenEndpointCalls: 1,
      provider: "plain",
    });
    expect(storage.entries().size).toBe(0);

    // A form-encoded token (with or without the right content type) is a token.
    for (const headers of [{ "content-type": "application/x-www-form-urlencoded" }, { "content-type": "text/plain" }]) {
      fake.reset();
      fake.onToken({ status: 200, headers, body: "access_token=at-form-123&token_type=bearer&scope=repo%2Cgist" });
      const res = await browser.send(await browser.loginToCallback("/login/github"));
      expect(res.status).toBe(302);
      expect(storage.entries().get("github")).toMatchObject({ access_token: "at-form-123", token_type: "bearer", scope: "repo,gist" });
    }
  });

  it("16. HTML 502, non-JSON, reset connection or a slow endpoint (timeout) → 502 provider_unavailable; no unhandled rejection", async () => {
    const storage = new MemoryStorage();
    const dance = createDance({ secret: SECRET, storage, timeout: 300, providers: [fakeOauth2(fake)] });
    const browser = new Browser(dance);
    const faults: Record<string, TokenReply> = {
      "HTML 502": { status: 502, headers: { "content-type": "text/html" }, body: "<html><body><h1>502 Bad Gateway</h1></body></html>" },
      "HTML 200": { status: 200, headers: { "content-type": "text/html" }, body: "<!doctype html><p>Sign in</p>" },
      "JSON 500": { status: 500, body: { error: "server_error" } },
      "empty 200": { status: 200, body: "" },
      "JSON array": { status: 200, body: "[1,2,3]" },
      "truncated JSON": { status: 200, headers: { "content-type": "application/json" }, body: '{"access_token": "at-' },
      "reset before headers": { reset: "before-headers" },
      "reset mid-body": { reset: "mid-body", body: { access_token: "at-cut", token_type: "bearer" } },
      "slow endpoint": { delayMs: 5_000, body: { access_token: "at-late", token_type: "bearer" } },
    };
    for (const [fault, reply] of Object.entries(faults)) {
      fake.reset();
      fake.onToken(reply);
      const res = await browser.send(await browser.loginToCallback("/login/plain"));
      await expectRefused(res, fake, { status: 502, code: "provider_unavailable", tokenEndpointCalls: 1, provider: "plain" }).catch((error: Error) => {
        throw new Error(`${fault}: ${error.message}`);
      });
    }
    expect(storage.entries().size).toBe(0);
  });

  it("17. token_type case-insensitive (and missing: bearer); missing expires_in allowed; string expires_in parsed; changed scope stored, not fatal", async () => {
    const storage = new MemoryStorage();
    const dance = createDance({ secret: SECRET, storage, now: clock.now, providers: [fakeOauth2(fake)] });
    const browser = new Browser(dance);
    const nowS = () => Math.floor(clock.t / 1000);
    const cases: { body: Record<string, unknown>; expected: Record<string, unknown> }[] = [
      { body: { token_type: "BEARER" }, expected: { token_type: "bearer", expires_at: nowS() + 3600 } },
      { body: { token_type: "Bearer", expires_in: undefined }, expected: { token_type: "bearer", expires_at: undefined } },
      { body: { expires_in: "7200" }, expected: { expires_at: nowS() + 7200 } },
      { body: { scope: "read" }, expected: { scope: "read" } },
      // A bearer token's answer without token_type (Figma, Weibo, Shopify …): bearer, not a failed login.
      { body: { token_type: undefined }, expected: { token_type: "bearer" } },
    ];
    for (const { body, expected } of cases) {
      fake.reset();
      fake.onToken((ctx) => ctx.standard({ body }));
      const res = await browser.send(await browser.loginToCallback("/login/plain"));
      expect(res.status, JSON.stringify(body)).toBe(302);
      const token = storage.entries().get("plain")!;
      expect(token.access_token).toMatch(/^at-/);
      for (const [key, value] of Object.entries(expected)) expect(token[key], `${key} after ${JSON.stringify(body)}`).toBe(value);
      // The requested scope differs from the granted one: the granted one is what is stored.
      if (body.scope) expect(fake.authorizations[0]?.scope).toBe("read write");
    }
  });
});
