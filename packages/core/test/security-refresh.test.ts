/**
 * SECURITY.md cases 30–32: refresh and the fetch wrapper.
 */
import { describe, expect, it } from "vitest";
import { DanceError, MemoryStorage, type Dance } from "@dance/core";
import { startFakeProvider } from "@dance/testing";
import { APP, Browser, Clock, cookieNameValue, fakeDance, isDeletion, setCookies, tokenCookies, useFakeProvider } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

/** Log in, then let the access token expire. */
async function expiredLogin(config: Parameters<typeof fakeDance>[1] = {}, target = fake) {
  target.reset();
  const dance = fakeDance(target, { now: clock.now, ...config }, { refresh: true });
  const browser = new Browser(dance);
  expect((await browser.login()).status).toBe(302);
  const old = (await dance.session(browser.request("/"), "fake")).token!;
  expect(old.refresh_token).toMatch(/^rt-/);
  clock.advance(3600 + 5);
  target.reset();
  return { dance, browser, old };
}

const refreshCalls = (target = fake) => target.tokenRequests.filter((r) => r.form.get("grant_type") === "refresh_token");
const apiAuthorizations = (target = fake) => target.requestsTo("/api/me").map((r) => r.headers.authorization);

async function tokenOf(dance: Dance, cookieHeader: string) {
  return (await dance.session(new Request(`${APP}/`, { headers: { cookie: cookieHeader } }), "fake")).token;
}

describe("refresh and the fetch wrapper", () => {
  it("30. 10 concurrent fetches with an expired token → exactly one refresh; all 10 use the new token; with cookie storage the new token reaches the response", async () => {
    const { dance, browser, old } = await expiredLogin();
    // Ten requests of the same browser at once, each with its own session (the cookie of before).
    const responses = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const session = await dance.session(browser.request("/profile"), "fake");
        const api = await session.fetch("/api/me");
        expect(api.status).toBe(200);
        return session.commit(new Response("profile"));
      }),
    );
    expect(refreshCalls()).toHaveLength(1);
    expect(refreshCalls()[0]!.form.get("refresh_token")).toBe(old.refresh_token);
    const used = new Set(apiAuthorizations());
    expect(apiAuthorizations()).toHaveLength(10);
    expect(used.size).toBe(1);
    const [authorization] = used;
    expect(authorization).not.toBe(`Bearer ${old.access_token}`);
    // Every response carries the new token's cookie.
    for (const res of responses) {
      const cookies = tokenCookies(res);
      expect(cookies).toHaveLength(1);
      const { name, value } = cookieNameValue(cookies[0]!);
      const token = await tokenOf(dance, `${name}=${value}`);
      expect(`Bearer ${token?.access_token}`).toBe(authorization);
    }

    // Within one session too: ten concurrent fetches, one refresh.
    const second = await expiredLogin();
    const session = await second.dance.session(second.browser.request("/profile"), "fake");
    await Promise.all(Array.from({ length: 10 }, () => session.fetch("/api/me")));
    expect(refreshCalls()).toHaveLength(1);
    expect(new Set(apiAuthorizations()).size).toBe(1);
    expect(tokenCookies(session.commit(new Response()))).toHaveLength(1);
  });

  it("31. a returned refresh token replaces the old one; none returned → the old one is kept", async () => {
    const storage = new MemoryStorage();
    const { dance, old } = await expiredLogin({ storage });
    const session = await dance.session(new Request(`${APP}/`), "fake");
    await session.fetch("/api/me");
    const rotated = storage.entries().get("fake")!;
    expect(refreshCalls()).toHaveLength(1);
    expect(rotated.refresh_token).toMatch(/^rt-/);
    expect(rotated.refresh_token).not.toBe(old.refresh_token);
    expect(rotated.access_token).not.toBe(old.access_token);

    // A provider that does not rotate: the refresh answer has no refresh_token, the old one stays and keeps working.
    const steady = await startFakeProvider({ now: clock.now, rotateRefreshTokens: false });
    try {
      const keepStorage = new MemoryStorage();
      const kept = await expiredLogin({ storage: keepStorage }, steady);
      for (let round = 0; round < 2; round++) {
        const s = await kept.dance.session(new Request(`${APP}/`), "fake");
        expect((await s.fetch("/api/me")).status).toBe(200);
        const stored = keepStorage.entries().get("fake")!;
        expect(stored.refresh_token).toBe(kept.old.refresh_token);
        expect(stored.access_token).not.toBe(kept.old.access_token);
        clock.advance(3600 + 5);
      }
      expect(refreshCalls(steady)).toHaveLength(2);
      expect(refreshCalls(steady).every((r) => r.form.get("refresh_token") === kept.old.refresh_token)).toBe(true);
      expect(refreshCalls(steady)[0]!.body).not.toContain("refresh_token=undefined");
    } finally {
      await steady.close();
    }
  });

  it("32. a refresh that fails for good → the reauth_required code, no loop, no 500", async () => {
    const { dance, browser } = await expiredLogin();
    fake.onToken({ status: 400, body: { error: "invalid_grant", error_description: "refresh token revoked" } });

    // Ten concurrent requests: one refresh attempt, ten reauth_required.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const session = await dance.session(browser.request("/profile"), "fake");
        const error = await session.fetch("/api/me").then(
          () => undefined,
          (e: unknown) => e,
        );
        return { error, session, res: session.commit(new Response("page")) };
      }),
    );
    expect(refreshCalls()).toHaveLength(1);
    expect(fake.requestsTo("/api/me")).toHaveLength(0);
    for (const { error, session, res } of outcomes) {
      expect(error).toBeInstanceOf(DanceError);
      expect((error as DanceError).code).toBe("reauth_required");
      expect((error as DanceError).status).toBe(401);
      expect(session.authorized).toBe(false);
      // The dead token is deleted from the browser.
      const deleted = setCookies(res).filter((h) => /^dance-fake=/.test(h) && isDeletion(h));
      expect(deleted).toHaveLength(1);
      // No loop: the same session does not try again.
      await expect(session.fetch("/api/me")).rejects.toMatchObject({ code: "not_authorized" });
    }
    expect(refreshCalls()).toHaveLength(1);

    // A protected page whose token dies while it runs sends the user to log in, with the cookie cleared.
    const again = await expiredLogin();
    fake.onToken({ status: 400, body: { error: "invalid_grant" } });
    const page = again.dance.protect("fake", async (_request, session) => {
      const api = await session.fetch("/api/me");
      return new Response(await api.text());
    });
    const res = await page(again.browser.request("/profile"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login/fake?next=%2Fprofile");
    expect(setCookies(res).filter((h) => /^dance-fake=/.test(h) && isDeletion(h))).toHaveLength(1);
    again.browser.keep(res);
    const next = await page(again.browser.request("/profile"));
    expect(next.status).toBe(302);
    expect(refreshCalls()).toHaveLength(1);

    // A provider outage is not "for good": the token is kept for a later try.
    const outage = await expiredLogin();
    fake.onToken({ status: 503, headers: { "content-type": "text/html" }, body: "<h1>down</h1>" });
    const session = await outage.dance.session(outage.browser.request("/profile"), "fake");
    await expect(session.fetch("/api/me")).rejects.toMatchObject({ code: "provider_unavailable" });
    expect(session.authorized).toBe(true);
    expect(setCookies(session.commit(new Response())).filter(isDeletion)).toEqual([]);
  });
});
