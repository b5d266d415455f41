/**
 * The adapter conformance suite, written once and run by every adapter in its real runtime.
 *
 * A runtime provides one thing: `start(env)` — start an app that uses Dance with
 * `conformanceConfig(env)` (config.ts) on 127.0.0.1 and give back its URL — and `stop()`.
 * The app serves Dance's routes under `/login` and four routes of its own:
 *
 * | route | answer |
 * |---|---|
 * | `GET /` | JSON `{ fake, fakepost }`: each provider's access token, or null |
 * | `GET /private` | guarded by the adapter's `requireLogin("fake")`; JSON `{ private: true, fake, fakepost }` |
 * | `GET /api` | JSON `callApi()`: `session.fetch("me")` to the provider's API (refreshing first); logged out, the `not_authorized` DanceError is the adapter's to answer |
 * | `POST /logout` | `deleteToken()`, then 303 to `/` |
 *
 * The provider is `startFakeProvider()` on 127.0.0.1. Everything is asserted from the
 * outside, over HTTP: status codes, headers, cookies, the tokens the app sees.
 */
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, startFakeProvider, type Browser, type FakeProvider } from "@dance/testing";
import type { ConformanceEnv } from "./config.js";

/** A running app under test. */
export interface RunningApp {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
  /** What the runtime itself logged (workerd), when it refuses requests before the app runs. */
  runtimeLog?: () => string;
}

/** What a runtime provides. */
export type StartApp = (env: ConformanceEnv) => Promise<RunningApp>;

/** What a runtime does before any app code runs, which no adapter can change. */
export interface RuntimeFacts {
  /**
   * The runtime answers an invalid Host header itself, before the app runs, with this status,
   * logging a line that matches `log` and none that matches `appLog` (what the app logs for each
   * request it gets). workerd and Miniflare's entry worker answer 500; Cloudflare's edge refuses
   * such requests before a Worker is reached.
   */
  badHost?: { status: number; log: RegExp; appLog: RegExp };
}

const SECRET = "conformance-secret-0123456789-abcdefghijklmnop";

/** Every response that sets a cookie says `Cache-Control: private, no-store` (SECURITY.md 37). */
function expectNoStoreWhenSettingCookies(response: Response): void {
  if (response.headers.getSetCookie().length === 0) return;
  const directives = (response.headers.get("cache-control") ?? "").split(",").map((d) => d.trim().toLowerCase());
  expect(directives, `Cache-Control of a ${response.status} response setting cookies`).toEqual(expect.arrayContaining(["private", "no-store"]));
}

/** A browser that checks Cache-Control on every response that sets a cookie. */
function browser(): Browser & { responses: Response[] } {
  const responses: Response[] = [];
  const checked: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    responses.push(response);
    expectNoStoreWhenSettingCookies(response);
    return response;
  };
  return { ...createBrowser({ fetch: checked, headers: { accept: "text/html,application/json" } }), responses };
}

/** Send raw bytes (what fetch refuses to send, e.g. a bad Host); the status code of the answer. */
function rawStatus(url: string, head: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const socket = net.connect(Number(new URL(url).port), "127.0.0.1", () => socket.write(head));
    let data = "";
    socket.setEncoding("latin1");
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(head.slice(0, 60))}`)));
    const done = () => {
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      if (status) resolve(Number(status[1]));
      else reject(new Error(`no HTTP status in ${JSON.stringify(data.slice(0, 120))}`));
    };
    socket.on("data", (chunk: string) => {
      data += chunk;
      if (/\r\n\r\n/.test(data)) done();
    });
    socket.on("end", done);
    socket.on("error", reject);
  });
}

const cookieNames = (response: Response) => response.headers.getSetCookie().map((c) => c.slice(0, c.indexOf("=")));

/**
 * Register the suite for one runtime.
 *
 * @example
 * ```ts
 * conformanceSuite("deno", startDeno);
 * ```
 */
export function conformanceSuite(runtime: string, start: StartApp, facts: RuntimeFacts = {}): void {
  describe(`adapter conformance: ${runtime}`, () => {
    let fake: FakeProvider;
    let app: RunningApp;
    let url: string;

    beforeAll(async () => {
      fake = await startFakeProvider();
      app = await start({ DANCE_SECRET: SECRET, FAKE_ISSUER: fake.issuer, FAKE_CLIENT_ID: fake.clientId, FAKE_CLIENT_SECRET: fake.clientSecret });
      url = app.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });
    afterAll(async () => {
      await app?.stop();
      await fake?.close();
    });
    afterEach(() => fake.reset());

    /** GET the login route; the provider's authorization URL. */
    async function startLogin(b: Browser, path = "/login/fake"): Promise<{ response: Response; authorize: URL }> {
      const response = await b.get(`${url}${path}`);
      expect(response.status).toBe(302);
      return { response, authorize: b.locationOf(response)! };
    }

    /** The whole dance from `path`; the callback's response (not followed). */
    async function dance(b: Browser, path = "/login/fake"): Promise<Response> {
      const { authorize } = await startLogin(b, path);
      const back = await b.get(authorize); // the fake provider redirects straight back
      expect(back.status).toBe(302);
      const callback = await b.follow(back);
      expect(b.urlOf(callback).pathname).toMatch(/\/authorized$/);
      return callback;
    }

    async function home(b: Browser): Promise<{ fake: string | null; fakepost: string | null }> {
      const response = await b.get(`${url}/`);
      expect(response.status).toBe(200);
      return (await response.json()) as { fake: string | null; fakepost: string | null };
    }

    it("login: redirects to the provider with PKCE and state, and sets the sealed transaction cookie", async () => {
      const b = browser();
      const { response, authorize } = await startLogin(b, "/login/fake?next=/after");
      expect(authorize.origin + authorize.pathname).toBe(fake.authorizationEndpoint);
      expect(authorize.searchParams.get("client_id")).toBe(fake.clientId);
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${url}/login/fake/authorized`);
      expect(authorize.searchParams.get("response_type")).toBe("code");
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorize.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
      expect(authorize.searchParams.get("nonce")).toMatch(/^[\w-]{43}$/);
      const cookies = response.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      expect(cookies[0]).toMatch(/^dance-tx-fake=d1\.\S+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/);
      expect(response.headers.get("cache-control")).toMatch(/private/);
    });

    it("callback: stores the token, clears the transaction and returns to `next`", async () => {
      const b = browser();
      const callback = await dance(b, "/login/fake?next=/after%3Fx%3D1");
      expect(callback.status).toBe(302);
      expect(new URL(callback.headers.get("location")!, url).href).toBe(`${url}/after?x=1`);
      expect(cookieNames(callback).sort()).toEqual(["dance-fake", "dance-tx-fake"]);
      expect(callback.headers.getSetCookie().find((c) => c.startsWith("dance-tx-fake="))).toMatch(/^dance-tx-fake=; .*Max-Age=0/);
      expect(fake.tokenRequests).toHaveLength(1);
      const seen = await home(b);
      expect(seen.fake).toMatch(/^at-/);
      expect(seen.fakepost).toBeNull();
      expect(b.cookies.get(url, "dance-tx-fake")).toBeUndefined();
    });

    it("callback: a provider error returns to the app, stores nothing and clears the transaction", async () => {
      fake.setCallbackParams({ error: "access_denied", error_description: "The user said no", code: null });
      const b = browser();
      const callback = await dance(b);
      expect(callback.status).toBe(302);
      expect(new URL(callback.headers.get("location")!, url).href).toBe(`${url}/`);
      expect(cookieNames(callback)).toEqual(["dance-tx-fake"]);
      expect(fake.tokenRequests).toHaveLength(0);
      expect((await home(b)).fake).toBeNull();
    });

    it("callback: a tampered state is 403 state_mismatch; nothing stored, transaction cleared, no token request", async () => {
      const b = browser();
      const { authorize } = await startLogin(b);
      const back = b.locationOf(await b.get(authorize))!;
      back.searchParams.set("state", `${back.searchParams.get("state")!.slice(0, -2)}xx`);
      const callback = await b.get(back);
      expect(callback.status).toBe(403);
      expect(callback.headers.get("x-dance-error")).toBe("state_mismatch");
      expect(cookieNames(callback)).toEqual(["dance-tx-fake"]);
      expect(fake.tokenRequests).toHaveLength(0);
      expect((await home(b)).fake).toBeNull();
    });

    it("a chunked token arrives as several intact, separate Set-Cookie headers and is read back whole", async () => {
      const big = `at-${"x".repeat(9000)}`;
      fake.onToken((ctx) => ctx.standard({ body: { access_token: big } }));
      const b = browser();
      const callback = await dance(b);
      expect(callback.status).toBe(302);
      const chunks = callback.headers.getSetCookie().filter((c) => c.startsWith("dance-fake."));
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      expect(chunks.map((c) => c.slice(0, c.indexOf("=")))).toEqual(chunks.map((_, i) => `dance-fake.${i}`));
      for (const chunk of chunks) {
        expect(new TextEncoder().encode(`Set-Cookie: ${chunk}`).length).toBeLessThan(4096);
        expect(chunk).toMatch(/^dance-fake\.\d+=[^;,\s]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
      }
      expect((await home(b)).fake).toBe(big);
    });

    it("form_post: a POST callback completes the dance", async () => {
      const b = browser();
      const { authorize } = await startLogin(b, "/login/fakepost");
      expect(authorize.searchParams.get("response_mode")).toBe("form_post");
      // The provider's answer, sent as the auto-submitting form a form_post provider serves.
      const back = b.locationOf(await b.get(authorize))!;
      expect(back.href.startsWith(`${url}/login/fakepost/authorized?`)).toBe(true);
      const callback = await b.post(`${url}/login/fakepost/authorized`, back.searchParams);
      expect(callback.status).toBe(302);
      expect(cookieNames(callback).sort()).toEqual(["dance-fakepost", "dance-tx-fakepost"]);
      expect((await home(b)).fakepost).toMatch(/^at-/);
    });

    it("form_post: a POST callback with a wrong state is 403 state_mismatch", async () => {
      const b = browser();
      const { authorize } = await startLogin(b, "/login/fakepost");
      const back = b.locationOf(await b.get(authorize))!;
      back.searchParams.set("state", "wrong");
      const callback = await b.post(`${url}/login/fakepost/authorized`, back.searchParams);
      expect(callback.status).toBe(403);
      expect(callback.headers.get("x-dance-error")).toBe("state_mismatch");
      expect(fake.tokenRequests).toHaveLength(0);
    });

    it("guard: redirects to the login with the original URL as return-to, and the dance comes back to it", async () => {
      const b = browser();
      const blocked = await b.get(`${url}/private?tab=2`);
      expect(blocked.status).toBe(302);
      const login = b.locationOf(blocked)!;
      expect(login.pathname + login.search).toBe("/login/fake?next=%2Fprivate%3Ftab%3D2");
      const callback = await dance(b, login.pathname + login.search);
      expect(new URL(callback.headers.get("location")!, url).href).toBe(`${url}/private?tab=2`);
      const page = await b.get(`${url}/private?tab=2`);
      expect(page.status).toBe(200);
      expect(await page.json()).toMatchObject({ private: true, fake: expect.stringMatching(/^at-/) });
    });

    it("a DanceError escaping the app (not_authorized from session.fetch) answers a login redirect, not a 500", async () => {
      const response = await browser().get(`${url}/api`);
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location")!, url).pathname + new URL(response.headers.get("location")!, url).search).toBe("/login/fake?next=%2Fapi");
    });

    it("logout: the app's deleteToken clears the token cookie on its own response", async () => {
      const b = browser();
      await dance(b);
      expect((await home(b)).fake).toMatch(/^at-/);
      const logout = await b.post(`${url}/logout`, {});
      expect(logout.status).toBe(303);
      expect(logout.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-fake=; Path=\/; Max-Age=0; .*HttpOnly; SameSite=Lax$/)]);
      expect((await home(b)).fake).toBeNull();
    });

    it("a token refreshed while the app builds its own response reaches the browser", async () => {
      // The first token expires within the refresh leeway: the app's session.fetch refreshes it.
      fake.onToken((ctx) => (ctx.grantType === "authorization_code" ? ctx.standard({ body: { expires_in: 30 } }) : ctx.standard()));
      const b = browser();
      await dance(b);
      const first = (await home(b)).fake;
      const api = await b.get(`${url}/api`);
      expect(api.status).toBe(200);
      expect(await api.json()).toEqual({ status: 200, path: "/api/me" });
      expect(cookieNames(api)).toContain("dance-fake");
      expect(fake.tokenRequests.map((r) => r.form.get("grant_type"))).toEqual(["authorization_code", "refresh_token"]);
      const second = (await home(b)).fake;
      expect(second).toMatch(/^at-/);
      expect(second).not.toBe(first);
      // The refreshed token is stored: the next call does not refresh again.
      expect((await b.get(`${url}/api`)).status).toBe(200);
      expect(fake.tokenRequests).toHaveLength(2);
    });

    it("every response that set a cookie in a whole dance said Cache-Control: private, no-store", async () => {
      const b = browser();
      await dance(b);
      await b.post(`${url}/logout`, {});
      const setting = b.responses.filter((r) => r.headers.getSetCookie().length > 0);
      expect(setting.length).toBeGreaterThanOrEqual(3);
      for (const response of setting) expectNoStoreWhenSettingCookies(response);
    });

    describe("malformed input → 4xx, never 5xx", () => {
      const close = "Connection: close\r\n\r\n";
      it("a bad Host header", async () => {
        // A space; a "/" and "?" or an "@" that would change what the URL means; a port out of range.
        for (const host of ["exa mple", "evil.test/login/fake?", "user@evil.test", "127.0.0.1:99999"]) {
          for (const path of ["/login/fake", "/login/fake/authorized?state=x&code=y", "/private"]) {
            const logged = app.runtimeLog?.().length ?? 0;
            const status = await rawStatus(url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${close}`);
            const what = `GET ${path} with Host ${JSON.stringify(host)}`;
            if (facts.badHost && status === facts.badHost.status) {
              // The runtime's own answer, which it logs as such: the app never saw the request.
              await expect.poll(() => app.runtimeLog!().slice(logged), { timeout: 2000, message: what }).toMatch(facts.badHost.log);
              expect(app.runtimeLog!().slice(logged), what).not.toMatch(facts.badHost.appLog);
              continue;
            }
            expect(status, what).toBeGreaterThanOrEqual(400);
            expect(status, what).toBeLessThan(500);
          }
        }
      });

      it("broken cookies are treated as absent", async () => {
        const broken = [
          "dance-fake=d1.1.broken!seal",
          "dance-fakepost.0=%E0%A4%A",
          "dance-fakepost.1=\u00ff\u00fe",
          "dance-tx-fake=d1.1." + "A".repeat(3000),
          "=nameless",
          ";;",
        ].join("; ");
        const headers = { cookie: broken, accept: "application/json" };
        const page = await fetch(`${url}/`, { headers });
        expect(page.status).toBe(200);
        expect(await page.json()).toEqual({ fake: null, fakepost: null });
        const callback = await fetch(`${url}/login/fake/authorized?state=x&code=y`, { headers, redirect: "manual" });
        expect(callback.status).toBe(400);
        expect(callback.headers.get("x-dance-error")).toBe("missing_transaction");
      });

      it("an oversize query", async () => {
        for (const size of [6_000, 70_000]) {
          const response = await fetch(`${url}/login/fake/authorized?state=${"s".repeat(size)}&code=c`, { redirect: "manual", headers: { accept: "application/json" } });
          expect(response.status, `a ${size}-byte state`).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          await response.body?.cancel();
        }
      });
    });
  });
}
