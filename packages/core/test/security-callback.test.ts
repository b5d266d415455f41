/**
 * SECURITY.md cases 1–9: the callback and its state.
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, MemoryStorage, type ErrorEvent } from "@dance/core";
import { APP, Browser, Clock, expectErrorPage, expectNoTokenWritten, expectRefused, expectTransactionCleared, fakeDance, fakeOidc, SECRET, setCookies, useFakeProvider, withParams } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

describe("callback and state", () => {
  it("a complete dance stores the token and clears the transaction (the baseline the negative cases depart from)", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    const res = await browser.login();
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    expectTransactionCleared(res);
    expect(storage.entries().get("fake")?.access_token).toMatch(/^at-/);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it("1. state differs from the transaction → 403 state_mismatch", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    const callback = await browser.loginToCallback();
    // Same length, one character off: the compare must look at the whole value.
    const state = callback.searchParams.get("state")!;
    const forged = `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`;
    const res = await browser.send(withParams(callback, { state: forged }));
    await expectRefused(res, fake, { status: 403, code: "state_mismatch" });
    expect(storage.entries().size).toBe(0);

    // The state of another pending login of the same browser (another tab) selects that login:
    // the code of the first then fails PKCE at the token endpoint, and nothing is stored.
    const tabs = new MemoryStorage();
    const twoTabs = new Browser(fakeDance(fake, { storage: tabs }));
    const other = await twoTabs.loginToCallback();
    const first = await twoTabs.loginToCallback();
    fake.reset();
    const res2 = await twoTabs.send(withParams(first, { state: other.searchParams.get("state") }));
    await expectErrorPage(res2, 400, "token_exchange_failed");
    expectNoTokenWritten(res2);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(tabs.entries().size).toBe(0);
    // The forged pairing used up the other tab's login, not this one's: its state still
    // matches (it is the spent code the provider refuses now, not the transaction).
    await expectErrorPage(await twoTabs.send(first), 400, "token_exchange_failed");
    expect(tabs.entries().size).toBe(0);
    fake.reset();

    // A repeated state parameter is refused, even if one of them is right.
    const third = await browser.loginToCallback();
    const doubled = new URL(third);
    doubled.searchParams.append("state", "other");
    await expectRefused(await browser.send(doubled), fake, { status: 403, code: "state_mismatch" });
    expect(storage.entries().size).toBe(0);
  });

  it("2. state missing → 403 state_missing", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    const callback = await browser.loginToCallback();
    await expectRefused(await browser.send(withParams(callback, { state: null })), fake, { status: 403, code: "state_missing" });

    const again = await browser.loginToCallback();
    await expectRefused(await browser.send(withParams(again, { state: "" })), fake, { status: 403, code: "state_missing" });
    expect(storage.entries().size).toBe(0);
  });

  it("3. no transaction cookie → 400 missing_transaction; the login is never silently restarted", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage });
    const browser = new Browser(dance);
    const callback = await browser.loginToCallback();
    // The callback arrives in a browser that never started this login (or lost the cookie).
    const stranger = new Browser(dance);
    const res = await stranger.send(callback);
    expect(res.status).toBe(400);
    expect(res.headers.get("x-dance-error")).toBe("missing_transaction");
    expect(res.headers.get("location")).toBeNull();
    expect(setCookies(res)).toEqual([]); // no new transaction: not restarted
    expectNoTokenWritten(res);
    expect(fake.tokenRequests).toHaveLength(0);
    expect(storage.entries().size).toBe(0);

    // JSON clients get the same code.
    const json = await stranger.send(callback, { headers: { accept: "application/json" } });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: "missing_transaction", message: expect.any(String) });
  });

  it("4. the same callback URL used twice → the second fails (single use)", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    const callback = await browser.loginToCallback();
    const replayedCookies = browser.cookieHeader();
    const first = await browser.send(callback);
    expect(first.status).toBe(302);
    expect(fake.tokenRequests).toHaveLength(1);
    const stored = storage.entries().get("fake");
    expect(stored?.access_token).toMatch(/^at-/);

    // The browser follows its cookies: the transaction is gone.
    const second = await browser.send(callback);
    expect(second.status).toBe(400);
    expect(second.headers.get("x-dance-error")).toBe("missing_transaction");
    expectNoTokenWritten(second);

    // An attacker replaying the URL with the old transaction cookie: the state was consumed.
    const replay = await browser.send(callback, { headers: { cookie: replayedCookies } });
    await expectRefused(replay, fake, { status: 400, code: "missing_transaction", tokenEndpointCalls: 1 });
    expect(storage.entries().get("fake")).toEqual(stored);
  });

  it("5. 10,000 logins → no repeated state; a fixed state is refused at start-up", { timeout: 60_000 }, async () => {
    const dance = fakeDance(fake);
    const request = new Request(`${APP}/login/fake`);
    const states = new Set<string>();
    const challenges = new Set<string>();
    const nonces = new Set<string>();
    for (let batch = 0; batch < 100; batch++) {
      const logins = await Promise.all(Array.from({ length: 100 }, () => dance.beginLogin(request, "fake")));
      for (const { url } of logins) {
        states.add(url.searchParams.get("state")!);
        nonces.add(url.searchParams.get("nonce")!);
        challenges.add(url.searchParams.get("code_challenge")!);
      }
    }
    expect(states.size).toBe(10_000);
    expect(nonces.size).toBe(10_000);
    expect(challenges.size).toBe(10_000);
    for (const state of [...states].slice(0, 50)) expect(state).toMatch(/^[A-Za-z0-9_-]{43,}$/); // ≥ 256 bits, base64url

    // There is no way to configure a fixed state, nonce or PKCE challenge.
    for (const name of ["state", "nonce", "code_challenge", "code_challenge_method"]) {
      expect(() => createDance({ secret: SECRET, providers: [fakeOidc(fake, { authorizationParams: { [name]: "x" } })] })).toThrow(DanceConfigError);
    }
    // Nor per login: a `state` passed as an extra parameter is ignored.
    const { url } = await dance.beginLogin(request, "fake", { params: { state: "fixed" } });
    expect(url.searchParams.getAll("state")).toHaveLength(1);
    expect(url.searchParams.get("state")).not.toBe("fixed");
  });

  it("6. a transaction past its lifetime → transaction_expired, enforced by the seal", async () => {
    const storage = new MemoryStorage();
    const config = { storage, now: clock.now };
    const browser = new Browser(fakeDance(fake, config));
    const callback = await browser.loginToCallback();
    const cookies = browser.cookieHeader();
    clock.advance(601);
    // The browser would have dropped the cookie (Max-Age=600); one that keeps it anyway is refused.
    const res = await browser.send(callback);
    await expectRefused(res, fake, { status: 400, code: "transaction_expired" });

    // A fresh instance with the same secret (no memory of this login) refuses it too: the lifetime is inside the seal.
    const other = new Browser(fakeDance(fake, config));
    const res2 = await other.send(callback, { headers: { cookie: cookies } });
    await expectRefused(res2, fake, { status: 400, code: "transaction_expired" });

    // Just inside the lifetime it works.
    clock.reset();
    const fresh = new Browser(fakeDance(fake, config));
    const cb = await fresh.loginToCallback();
    clock.advance(590);
    expect((await fresh.send(cb)).status).toBe(302);
    expect(storage.entries().size).toBe(1);
  });

  it("7. id_token or token in a code-flow response → rejected", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    const idToken = await fake.signIdToken(fake.idTokenClaims());
    for (const extra of [{ id_token: idToken }, { access_token: "at-injected" }, { token: "at-injected" }]) {
      fake.setCallbackParams({ id_token: null, access_token: null, token: null, ...extra });
      const callback = await browser.loginToCallback();
      const res = await browser.send(callback);
      await expectRefused(res, fake, { status: 400, code: "invalid_callback" });
    }
    expect(storage.entries().size).toBe(0);
  });

  it("8. error=access_denied with a valid state → the error event fires, then the failure redirect; error_description is escaped and length-capped", async () => {
    const storage = new MemoryStorage();
    const events: ErrorEvent[] = [];
    const order: string[] = [];
    const dance = fakeDance(fake, {
      storage,
      redirectTo: "/home",
      on: {
        error(event) {
          order.push("event");
          events.push(event);
        },
      },
    });
    const browser = new Browser(dance);
    const description = `<script>alert(1)</script>\r\nSet-Cookie: x=1\u0000${"A".repeat(5000)}`;
    fake.setCallbackParams({ code: null, error: "access_denied", error_description: description, error_uri: "javascript:alert(1)" });
    const callback = await browser.loginToCallback();
    const res = await browser.send(callback);
    order.push("response");
    expect(order).toEqual(["event", "response"]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/home");
    expect(await res.text()).toBe("");
    expectTransactionCleared(res);
    expectNoTokenWritten(res);
    expect(fake.tokenRequests).toHaveLength(0);
    expect(storage.entries().size).toBe(0);

    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.provider).toBe("fake");
    expect(event.error).toBe("access_denied");
    expect(event.danceError.code).toBe("provider_error");
    expect(event.description!.length).toBeLessThanOrEqual(256);
    expect(event.description).not.toMatch(/[\u0000-\u001f]/); // no header/log injection
    expect(event.description!.startsWith("<script>alert(1)</script>")).toBe(true); // text, not interpreted
    expect(event.uri).toBeUndefined(); // only http(s) error_uri are passed on

    // With an error redirect configured, the code goes there, never the description.
    const withTarget = new Browser(fakeDance(fake, { storage, errorRedirectTo: "/oops" }));
    const res2 = await withTarget.send(await withTarget.loginToCallback());
    expect(res2.status).toBe(302);
    expect(res2.headers.get("location")).toBe("/oops?error=provider_error&provider=fake");
    expectTransactionCleared(res2);

    // A provider error code full of markup is capped too.
    fake.setCallbackParams({ error: `<img src=x onerror=alert(1)>${"e".repeat(500)}` });
    const res3 = await browser.send(await browser.loginToCallback());
    expect(res3.status).toBe(302);
    expect(events[1]!.error.length).toBeLessThanOrEqual(64);
    expect(storage.entries().size).toBe(0);
  });

  it("9. error=… with a bad state → treated as a state failure; the error event does not fire", async () => {
    const storage = new MemoryStorage();
    let fired = 0;
    const browser = new Browser(fakeDance(fake, { storage, on: { error: () => void fired++ } }));
    fake.setCallbackParams({ code: null, error: "access_denied" });
    const callback = await browser.loginToCallback();
    const res = await browser.send(withParams(callback, { state: "forged-state" }));
    await expectRefused(res, fake, { status: 403, code: "state_mismatch" });

    const again = await browser.loginToCallback();
    await expectRefused(await browser.send(withParams(again, { state: null })), fake, { status: 403, code: "state_missing" });

    // Without a transaction at all, an error callback is a transaction failure.
    const stranger = new Browser(browser.dance);
    const res3 = await stranger.send(await browser.loginToCallback());
    expect(res3.status).toBe(400);
    expect(res3.headers.get("x-dance-error")).toBe("missing_transaction");

    expect(fired).toBe(0);
    expect(storage.entries().size).toBe(0);
  });
});
