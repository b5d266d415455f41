/**
 * What trying the foundation from outside found (issue 6): cache headers on every cookie
 * Dance sets, no bearer token over plain http, the token-origin allow-list, id_token
 * freshness on the configured clock, storage failures, the session inside `authorized`,
 * outages on guarded pages, `beforeLogin` from custom routes, per-provider routes and
 * redirects, token-request parameters, token schemes, raw Basic credentials, two tabs, and
 * misconfigurations that say what to do.
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, DanceError, MemoryStorage, type Token, type TokenStorage } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import {
  APP,
  Browser,
  Clock,
  cookieNameValue,
  expectErrorPage,
  expectNoTokenWritten,
  fakeDance,
  fakeOauth2,
  fakeOidc,
  followAuthorize,
  SECRET,
  setCookies,
  useFakeProvider,
  withParams,
} from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

const NO_STORE = "private, no-store";

describe("every response Dance sets a cookie on is private, no-store (SECURITY.md 37)", () => {
  it("commit, session.commit and protect replace the app's public caching", async () => {
    const dance = fakeDance(fake, { storage: undefined });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    const cacheable = () => new Response("page", { headers: { "cache-control": "public, max-age=3600" } });

    // A logout through session.commit
    const session = await dance.session(browser.request("/logout"), "fake");
    await session.deleteToken();
    const committed = session.commit(cacheable());
    expect(setCookies(committed)).not.toEqual([]);
    expect(committed.headers.get("cache-control")).toBe(NO_STORE);

    // dance.commit on an immutable response (Response.redirect)
    const request = browser.request("/");
    await (await dance.session(request, "fake")).setToken({ access_token: "at-x", token_type: "bearer" });
    const redirected = dance.commit(request, Response.redirect(`${APP}/`, 302));
    expect(setCookies(redirected)).toHaveLength(1);
    expect(redirected.headers.get("cache-control")).toBe(NO_STORE);

    // protect(): the handler's own response, with a cookie change made inside it
    const page = dance.protect("fake", async (_request, s) => {
      await s.setToken({ access_token: "at-y", token_type: "bearer" });
      return cacheable();
    });
    const protectedResponse = await page(browser.request("/page"));
    expect(setCookies(protectedResponse)).toHaveLength(1);
    expect(protectedResponse.headers.get("cache-control")).toBe(NO_STORE);

    // A response without cookie changes keeps the app's caching.
    const untouched = dance.commit(browser.request("/static"), cacheable());
    expect(untouched.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("so do the Responses an authorized or error handler returns", async () => {
    const dance = fakeDance(fake, {
      on: {
        authorized: () => new Response("welcome", { headers: { "cache-control": "public, max-age=60" } }),
        error: () => new Response("sorry", { headers: { "cache-control": "public, max-age=60" } }),
      },
    });
    const browser = new Browser(dance);
    const welcome = await browser.login();
    expect(await welcome.text()).toBe("welcome");
    expect(setCookies(welcome).length).toBeGreaterThan(0); // the cleared transaction
    expect(welcome.headers.get("cache-control")).toBe(NO_STORE);

    fake.setCallbackParams({ error: "access_denied", code: null });
    const sorry = await browser.send(await browser.loginToCallback());
    expect(await sorry.text()).toBe("sorry");
    expect(sorry.headers.get("cache-control")).toBe(NO_STORE);
  });
});

describe("no bearer token over plain http off loopback (SECURITY.md 38)", () => {
  for (const [field, value] of [
    ["apiBaseUrl", { apiBaseUrl: "http://api.example.com/" }],
    ["apiOrigins", { apiOrigins: ["http://files.example.com"] }],
    ["refresh.url", { refresh: { url: "http://auth.example.com/token" } }],
  ] as const) {
    it(`an http ${field} is refused at start-up, with the same message and opt-out as the endpoints`, () => {
      const make = (extra: object) => createDance({ secret: SECRET, providers: [fakeOauth2(fake, { ...value, ...extra })] });
      expect(() => make({})).toThrow(DanceConfigError);
      expect(() => make({})).toThrow(/plain http on a non-loopback host.*allowInsecureRequests/);
      expect(() => make({ allowInsecureRequests: true })).not.toThrow();
    });
  }
});

describe("the token is only sent to the provider's API origins", () => {
  async function loggedIn() {
    const dance = fakeDance(fake, {}, { apiBaseUrl: `${fake.url}/api/`, apiOrigins: [] });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    return dance.session(browser.request("/"), "fake");
  }

  it("sends it to the API base and refuses absolute, protocol-relative, Request and look-alike targets", async () => {
    const session = await loggedIn();
    fake.reset();
    expect((await session.fetch("me")).status).toBe(200);
    expect(fake.requestsTo("/api/me")[0]?.headers.authorization).toMatch(/^Bearer at-/);
    const elsewhere = [
      "https://evil.test/steal",
      "//evil.test/steal",
      new Request("https://evil.test/steal"),
      new URL(fake.url.replace("127.0.0.1", "127.0.0.1.evil.test")),
      `${fake.url.replace("127.0.0.1", "localhost")}/api/me`,
      fake.url.replace("http://", "https://") + "/api/me",
    ];
    for (const target of elsewhere) {
      const refused = await session.fetch(target).catch((error: unknown) => error);
      expect(refused, String(target instanceof Request ? target.url : target)).toBeInstanceOf(DanceError);
      expect((refused as DanceError).code).toBe("origin_not_allowed");
    }
    expect(fake.requests).toHaveLength(1);
  });
});

describe("id_token freshness, on the configured clock", () => {
  it("rejects an id_token issued too long ago, or in the future beyond the tolerance", async () => {
    for (const [what, iat, ok] of [
      ["issued 9 minutes ago", -540, true],
      ["issued 11 minutes ago", -660, false],
      ["issued 20 s in the future", 20, true],
      ["issued 2 minutes in the future", 120, false],
    ] as const) {
      fake.reset();
      const storage = new MemoryStorage();
      const browser = new Browser(fakeDance(fake, { storage, now: clock.now }));
      fake.onToken((ctx) => ctx.standard({ claims: { iat: Math.floor(clock.now() / 1000) + iat, exp: Math.floor(clock.now() / 1000) + 600 } }));
      const res = await browser.login();
      if (ok) expect(res.status, what).toBe(302);
      else {
        await expectErrorPage(res, 400, "id_token_invalid");
        expect(storage.entries().size, what).toBe(0);
      }
    }
  });

  it("honours idTokenMaxAge", async () => {
    const browser = new Browser(fakeDance(fake, { now: clock.now, idTokenMaxAge: 60 }));
    fake.onToken((ctx) => ctx.standard({ claims: { iat: Math.floor(clock.now() / 1000) - 120 } }));
    await expectErrorPage(await browser.login(), 400, "id_token_invalid");
    expect(() => fakeDance(fake, { idTokenMaxAge: -1 })).toThrow(DanceConfigError);
  });

  it("a frozen clock governs every check: a dance a day in the past succeeds", async () => {
    clock.advance(-24 * 3600);
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage, now: clock.now }));
    expect((await browser.login()).status).toBe(302);
    const token = storage.entries().get("fake")!;
    expect(token.expires_at).toBe(Math.floor(clock.now() / 1000) + 3600);
  });
});

describe("a storage that fails while storing the token", () => {
  const failing = (): TokenStorage => ({
    get: async () => null,
    set: async () => {
      throw new Error("database is down");
    },
    delete: async () => {},
  });

  it("fires the error event, then the error page (503 storage_failed) — never a 500, nothing stored", async () => {
    const events: string[] = [];
    const dance = fakeDance(fake, { storage: failing(), on: { error: (e) => void events.push(`${e.provider}:${e.danceError.code}:${e.error}`) } });
    const res = await new Browser(dance).login();
    await expectErrorPage(res, 503, "storage_failed");
    expect(events).toEqual(["fake:storage_failed:storage_failed"]);
  });

  it("redirects to errorRedirectTo, or answers the error handler's Response", async () => {
    const redirected = await new Browser(fakeDance(fake, { storage: failing(), errorRedirectTo: "/oops" })).login();
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("location")).toBe("/oops?error=storage_failed&provider=fake");
    const custom = await new Browser(fakeDance(fake, { storage: failing(), on: { error: () => new Response("try later", { status: 503 }) } })).login();
    expect({ status: custom.status, body: await custom.text() }).toEqual({ status: 503, body: "try later" });
  });
});

describe("the session inside the authorized event", () => {
  it("holds the new token in memory: the multi-user recipe (fetch the user, store it yourself, return false)", async () => {
    const storage = new MemoryStorage();
    const accounts = new Map<string, Token>();
    const dance = fakeDance(fake, {
      storage,
      on: {
        async authorized({ session, token }) {
          expect(session.authorized).toBe(true);
          expect(session.token?.access_token).toBe(token.access_token);
          const me = (await (await session.fetch("/api/me")).json()) as { sub: string };
          accounts.set(me.sub, token);
          return false;
        },
      },
    });
    const res = await new Browser(dance).login();
    expect(res.status).toBe(302);
    expect([...accounts.keys()]).toEqual(["user-1"]);
    expect(storage.entries().size).toBe(0); // vetoed: not stored by Dance
  });
});

describe("a DanceError on a guarded page answers its own status", () => {
  it("protect(): provider down during refresh → 502 provider_unavailable, token kept; refused for good → through login again", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage, now: clock.now }, { refresh: true });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    const page = dance.protect("fake", async (_request, session) => new Response(String((await session.fetch("/api/me")).status)));
    clock.advance(3600 + 5);

    fake.onToken({ status: 503, body: "<html>down</html>", headers: { "content-type": "text/html" } });
    const down = await page(browser.request("/page"));
    await expectErrorPage(down, 502, "provider_unavailable");
    expect(storage.entries().get("fake")).toBeDefined();

    fake.onToken({ status: 400, body: { error: "invalid_grant" } });
    const again = await page(browser.request("/page?x=1"));
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/login/fake?next=${encodeURIComponent("/page?x=1")}`);
    expect(storage.entries().get("fake")).toBeUndefined();
  });

  it("dance.respond(): errorRedirectTo when configured; anything but a DanceError is rethrown", async () => {
    const dance = fakeDance(fake, { errorRedirectTo: "/trouble" });
    const request = new Request(`${APP}/page`);
    const res = await dance.respond(request, new DanceError("provider_unavailable", "down", { provider: "fake" }));
    expect(res.headers.get("location")).toBe("/trouble?error=provider_unavailable&provider=fake");
    await expect(dance.respond(request, new Error("bug"))).rejects.toThrow("bug");
  });
});

describe("custom login routes", () => {
  it("dance.beginLogin fires beforeLogin like the handler's login", async () => {
    const seen: string[] = [];
    const dance = fakeDance(fake, { on: { beforeLogin: ({ provider, url }) => void seen.push(`${provider} ${url.origin}`) } });
    const { url } = await dance.beginLogin(new Request(`${APP}/my-login`), "fake");
    expect(seen).toEqual([`fake ${url.origin}`]);
  });
});

describe("per-provider routes and redirects (Flask-Dance's login_url, authorized_url, redirect_url)", () => {
  it("serves a provider's own login and callback paths, with redirect_uri and after-login target of its own", async () => {
    const storage = new MemoryStorage();
    const dance = createDance({
      secret: SECRET,
      storage,
      providers: [fakeOidc(fake, { loginPath: "/auth/fake", callbackPath: "/oauth2/callback", redirectTo: "/welcome" }), fakeOauth2(fake)],
    });
    expect(dance.matches("/auth/fake") && dance.matches("/oauth2/callback") && dance.matches("/login/plain")).toBe(true);
    expect((await dance.handler(new Request(`${APP}/login/fake`))).status).toBe(404);
    const browser = new Browser(dance);
    const login = await browser.send("/auth/fake");
    expect(new URL(login.headers.get("location")!).searchParams.get("redirect_uri")).toBe(`${APP}/oauth2/callback`);
    const callback = await followAuthorize(login.headers.get("location")!);
    expect(callback.pathname).toBe("/oauth2/callback");
    const done = await browser.send(callback);
    expect(done.headers.get("location")).toBe("/welcome");
    expect(storage.entries().has("fake")).toBe(true);
    expect((await dance.session(browser.request("/"), "fake")).loginUrl).toBe("/auth/fake");
    // The other provider keeps the default routes and the global target.
    expect((await browser.login("/login/plain")).headers.get("location")).toBe("/");
  });

  it("refuses paths that clash or are not absolute, and a redirectTo that is not allowed", () => {
    const make = (options: object, other: object = {}) => () => createDance({ secret: SECRET, providers: [fakeOidc(fake, options), fakeOauth2(fake, other)] });
    expect(make({ callbackPath: "/login/plain" })).toThrow(/the path \/login\/plain is already the authorized route of "fake"/);
    expect(make({ loginPath: "auth/fake" })).toThrow(DanceConfigError);
    expect(make({ redirectTo: "https://evil.test/" })).toThrow(/redirectTo/);
  });
});

describe("token request details", () => {
  it("sends tokenParams with the code exchange (Flask-Dance's token_url_params), never over Dance's own", async () => {
    const browser = new Browser(createDance({ secret: SECRET, providers: [fakeOauth2(fake, { tokenParams: { audience: "api://x", resource: "https://api.test" } })] }));
    expect((await browser.login("/login/plain")).status).toBe(302);
    const form = fake.tokenRequests[0]!.form;
    expect([form.get("audience"), form.get("resource"), form.get("grant_type")]).toEqual(["api://x", "https://api.test", "authorization_code"]);
    expect(() => createDance({ secret: SECRET, providers: [fakeOauth2(fake, { tokenParams: { code_verifier: "x" } })] })).toThrow(DanceConfigError);
  });

  it("joins scopes with the provider's scopeSeparator (Facebook, Strava, Zoho want commas)", async () => {
    const dance = createDance({ secret: SECRET, providers: [fakeOauth2(fake, { scope: ["read", "write"], scopeSeparator: "," })] });
    const { url } = await dance.beginLogin(new Request(`${APP}/`), "plain");
    expect(url.searchParams.get("scope")).toBe("read,write");
  });

  it("applies a provider's tokenScheme to API calls after a real dance (Zoho-oauthtoken)", async () => {
    const dance = createDance({ secret: SECRET, providers: [fakeOauth2(fake, { tokenScheme: "Zoho-oauthtoken" })] });
    const browser = new Browser(dance);
    expect((await browser.login("/login/plain")).status).toBe(302);
    const session = await dance.session(browser.request("/"), "plain");
    expect(session.token?.token_type).toBe("bearer");
    fake.reset();
    await session.fetch("me");
    expect(fake.requestsTo("/api/me")[0]?.headers.authorization).toBe(`Zoho-oauthtoken ${session.token!.access_token}`);
  });

  it("Basic client authentication form-encodes the credentials (RFC 6749 §2.3.1) unless basicAuthRaw is set", async () => {
    const odd = await startOddClientFake();
    try {
      for (const raw of [false, true]) {
        odd.reset();
        const dance = createDance({
          secret: SECRET,
          providers: [oauth2({ id: "odd", clientId: "id:with+chars", clientSecret: "s3cret/with+plus=and%", authorizationUrl: odd.authorizationEndpoint, tokenUrl: odd.tokenEndpoint, basicAuthRaw: raw })],
        });
        await new Browser(dance).login("/login/odd").catch(() => undefined);
        const header = String(odd.tokenRequests[0]?.headers.authorization);
        const decoded = atob(header.replace(/^Basic /, ""));
        expect(decoded).toBe(raw ? "id:with+chars:s3cret/with+plus=and%" : "id%3Awith%2Bchars:s3cret%2Fwith%2Bplus%3Dand%25");
      }
    } finally {
      await odd.close();
    }
  });
});

describe("two logins in two tabs", () => {
  it("each completes with its own transaction; a callback consumes only its own", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    const tabA = await browser.loginToCallback("/login/fake?next=/a");
    const tabB = await browser.loginToCallback("/login/fake?next=/b");
    const doneA = await browser.send(tabA);
    expect(doneA.headers.get("location")).toBe("/a");
    // A's callback left B's login pending: the cookie is rewritten, not cleared.
    const tx = setCookies(doneA).find((c) => cookieNameValue(c).name === "dance-tx-fake")!;
    expect(cookieNameValue(tx).value).not.toBe("");
    const doneB = await browser.send(tabB);
    expect(doneB.headers.get("location")).toBe("/b");
    expect(setCookies(doneB).find((c) => cookieNameValue(c).name === "dance-tx-fake")).toMatch(/Max-Age=0/);
    // Each callback works once.
    const replay = await browser.send(tabA);
    await expectErrorPage(replay, 400, "missing_transaction");
    expectNoTokenWritten(replay);
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("keeps at most five pending logins per provider, the oldest evicted, and the cookie in one piece", async () => {
    const browser = new Browser(fakeDance(fake));
    const callbacks = [];
    for (let i = 0; i < 7; i++) callbacks.push(await browser.loginToCallback(`/login/fake?next=/tab${i}`));
    expect(browser.cookies.get("dance-tx-fake")!.length).toBeLessThan(3800);
    await expectErrorPage(await browser.send(callbacks[0]!), 403, "state_mismatch");
    const browser2 = new Browser(fakeDance(fake));
    const kept = [];
    for (let i = 0; i < 7; i++) kept.push(await browser2.loginToCallback(`/login/fake?next=/tab${i}`));
    for (let i = 6; i >= 2; i--) expect((await browser2.send(kept[i]!)).headers.get("location")).toBe(`/tab${i}`);
  });

  it("long return-to paths evict older logins before the cookie would need a second piece", async () => {
    const browser = new Browser(fakeDance(fake));
    const long = `/${"x".repeat(1500)}`;
    const first = await browser.loginToCallback(`/login/fake?next=${long}1`);
    const second = await browser.loginToCallback(`/login/fake?next=${long}2`);
    expect(browser.cookies.has("dance-tx-fake.0")).toBe(false);
    expect((await browser.send(second)).headers.get("location")).toBe(`${long}2`);
    await expectErrorPage(await browser.send(withParams(first, {})), 400, "missing_transaction");
  });
});

describe("misconfigurations say what to do", () => {
  it("an unknown provider id: a coded error where the guard or subscription is created, or from session()", async () => {
    const dance = fakeDance(fake) as ReturnType<typeof fakeDance> & { protect(id: string, h: unknown): unknown };
    const unknown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const error of [unknown(() => dance.protect("githbu", () => new Response())), unknown(() => dance.on("authorized", () => {}, { provider: "githbu" as "fake" }))]) {
      expect(error).toBeInstanceOf(DanceConfigError);
      expect((error as DanceError).code).toBe("unknown_provider");
    }
    const fromSession = await dance.session(new Request(APP), "githbu" as "fake").catch((error: unknown) => error);
    expect((fromSession as DanceError).code).toBe("unknown_provider");
    expect(() => fakeDance(fake, { on: { authorised: () => {} } as never })).toThrow(/on\.authorised.*not an event/);
  });

  it("X-Forwarded-* without trustProxy: one warning, the request's own origin is used", async () => {
    const warnings: string[] = [];
    const dance = fakeDance(fake, { warn: (w) => void warnings.push(w.code) });
    for (let i = 0; i < 3; i++) {
      const login = await dance.handler(new Request(`${APP}/login/fake`, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "app.example.com" } }));
      expect(new URL(login.headers.get("location")!).searchParams.get("redirect_uri")).toBe(`${APP}/login/fake/authorized`);
    }
    expect(warnings).toEqual(["forwarded_headers_ignored"]);
  });

  it("plain http off loopback: a warning at login, and a callback without cookies names the cause", async () => {
    const warnings: string[] = [];
    const dance = fakeDance(fake, { warn: (w) => void warnings.push(w.code) });
    const origin = "http://192.168.1.20:3000";
    const login = await dance.handler(new Request(`${origin}/login/fake`));
    expect(setCookies(login)[0]).toMatch(/^__Host-dance-tx-fake=.*; Secure/);
    expect(warnings).toEqual(["insecure_cookies"]);
    const callback = await followAuthorize(login.headers.get("location")!);
    // The browser dropped the Secure cookie over plain http: the callback arrives without it.
    const res = await dance.handler(new Request(callback));
    await expectErrorPage(res, 400, "insecure_origin");
    expect(await res.text()).toContain("https");
    expectNoTokenWritten(res);
  });
});

/** A fake that accepts any client credentials, for looking at how they were sent. */
async function startOddClientFake() {
  const { startFakeProvider } = await import("@dance/testing");
  return startFakeProvider({ clientId: "id:with+chars", clientSecret: "s3cret/with+plus=and%" });
}

describe("cross-site form_post callbacks (Sign in with Apple)", () => {
  it("a POST that arrives without the Lax cookies is carried to a same-origin GET, which completes with them", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }, { responseMode: "form_post" }));
    const callback = await browser.loginToCallback(); // the fake answers in the query; a form_post provider POSTs the same fields
    const form = new URLSearchParams(callback.search);
    form.set("user", JSON.stringify({ name: { firstName: "Ada" } }));
    // The cross-site POST: the browser sends no SameSite=Lax cookie with it.
    const post = await dance_handler(browser)(new Request(`${APP}${callback.pathname}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form }));
    expect(post.status).toBe(303);
    const get = new URL(post.headers.get("location")!, APP);
    expect(get.pathname).toBe(callback.pathname);
    expect(Object.fromEntries(get.searchParams)).toEqual(Object.fromEntries(form));
    expect(setCookies(post)).toEqual([]); // nothing consumed yet
    expect(storage.entries().size).toBe(0);
    // The top-level GET that follows carries the cookies (Lax allows it) and finishes the dance.
    const done = await browser.send(get);
    expect(done.status).toBe(302);
    expect(storage.entries().has("fake")).toBe(true);
  });

  it("a GET without cookies is not redirected again: missing_transaction", async () => {
    const browser = new Browser(fakeDance(fake, {}, { responseMode: "form_post" }));
    const callback = await browser.loginToCallback();
    const res = await dance_handler(browser)(new Request(callback));
    await expectErrorPage(res, 400, "missing_transaction");
  });
});

/** The handler behind a test browser, for requests the browser would not make itself. */
function dance_handler(browser: Browser): (request: Request) => Promise<Response> {
  return (request) => browser.dance.handler(request);
}

