/**
 * SECURITY.md cases 23–29: redirect targets, cookies and seals, proxies.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, MemoryStorage } from "@dance/core";
import { normalizeSecrets, Sealer } from "../src/seal.js";
import { APP, Browser, cookieNameValue, expectTransactionCleared, fakeDance, fakeOidc, isDeletion, SECRET, setCookies, tokenCookies, useFakeProvider, withParams } from "./helpers.js";

const fake = useFakeProvider();

const HTTPS_APP = "https://app.com";
const OLD_SECRET = "old-secret-0123456789-abcdefghijklmnopq";
const NEW_SECRET = "new-secret-0123456789-abcdefghijklmnopq";

/** The Set-Cookie of `name` (with or without `__Host-`) in a response. */
function cookieNamed(res: Response, name: string): string | undefined {
  return setCookies(res).find((h) => cookieNameValue(h).name.replace(/^__Host-/, "") === name && !isDeletion(h));
}

/** The attributes of a Set-Cookie value, lower-cased names. */
function attributes(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(";").slice(1)) {
    const [name, ...value] = part.trim().split("=");
    out.set(name!.toLowerCase(), value.join("="));
  }
  return out;
}

describe("redirect targets", () => {
  it("23. //evil.com, /\\evil.com, https://app@evil.com, https://app.com.evil.com, javascript: → the default target", async () => {
    const dance = fakeDance(fake, { baseUrl: HTTPS_APP, redirectTo: "/home" });
    const hostile = [
      "//evil.com",
      "///evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "/\t/evil.com",
      "https://app.com@evil.com",
      "https://app.com:pw@evil.com/",
      "https://app.com.evil.com",
      "https://evil.com/https://app.com",
      "http://app.com/", // another origin: plain http
      "javascript:alert(document.cookie)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      " //evil.com",
    ];
    for (const next of hostile) {
      const browser = new Browser(dance, HTTPS_APP);
      const callback = await browser.loginToCallback(`/login/fake?next=${encodeURIComponent(next)}`);
      const res = await browser.send(callback);
      expect({ next, status: res.status, location: res.headers.get("location") }).toEqual({ next, status: 302, location: "/home" });
    }
    // The controls: a same-origin path and the app's own absolute URL are kept.
    for (const [next, expected] of [
      ["/dashboard?tab=1#top", "/dashboard?tab=1#top"],
      ["https://app.com/settings", "https://app.com/settings"],
    ]) {
      const browser = new Browser(dance, HTTPS_APP);
      const res = await browser.send(await browser.loginToCallback(`/login/fake?next=${encodeURIComponent(next!)}`));
      expect(res.headers.get("location")).toBe(expected);
    }
  });

  it("24. the return-to path lives only inside the sealed transaction and is checked again at the final redirect", async () => {
    const dance = fakeDance(fake);
    const browser = new Browser(dance);
    const login = await browser.send("/login/fake?next=%2Fprivate-page-7q3");
    const providerUrl = login.headers.get("location")!;
    expect(providerUrl).not.toContain("private-page-7q3");
    for (const cookie of setCookies(login)) expect(cookie).not.toContain("private-page-7q3");
    const back = await fetch(providerUrl, { redirect: "manual" });
    const callback = new URL(back.headers.get("location")!);
    expect(callback.href).not.toContain("private-page-7q3");
    // Parameters added to the callback do not steer the final redirect.
    const res = await browser.send(withParams(callback, { next: "//evil.com", redirect: "https://evil.com", return_to: "/elsewhere" }));
    expect(res.headers.get("location")).toBe("/private-page-7q3");

    // A transaction whose target is no longer allowed (the allow-list changed during the login)…
    const partner = createDance({ secret: SECRET, providers: [fakeOidc(fake)], allowedRedirectOrigins: ["https://partner.example"] });
    const strict = fakeDance(fake);
    const p = new Browser(partner);
    const cb = await p.loginToCallback(`/login/fake?next=${encodeURIComponent("https://partner.example/welcome")}`);
    const finished = await strict.handler(p.request(cb));
    expect(finished.headers.get("location")).toBe("/");
    // …and a sealed transaction carrying a hostile target → the default target.
    const sealer = new Sealer(normalizeSecrets(SECRET));
    for (const target of ["//evil.com", "https://evil.com/", "javascript:alert(1)"]) {
      fake.reset();
      const c = new Browser(dance);
      const cb3 = await c.loginToCallback();
      const pending = await sealer.open<Record<string, unknown>[]>("tx:fake", c.cookies.get("dance-tx-fake")!);
      if (!pending.ok) throw new Error("the transaction should open");
      c.cookies.set("dance-tx-fake", await sealer.seal("tx:fake", pending.value.map((tx) => ({ ...tx, t: target })), 600));
      const done = await c.send(cb3);
      expect({ target, location: done.headers.get("location") }).toEqual({ target, location: "/" });
    }
  });
});

describe("cookies and seals", () => {
  it("25. tampered, truncated, malformed-percent or 100 kB cookies → treated as absent; never a 500", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage });
    const browser = new Browser(dance);
    const callback = await browser.loginToCallback();
    const good = browser.cookies.get("dance-tx-fake")!;
    const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === "A" ? "B" : "A"}${s.slice(i + 1)}`;
    const garbage: Record<string, string> = {
      "one character changed (ciphertext)": flip(good, Math.floor(good.length / 2)),
      "one character changed (HMAC)": flip(good, good.length - 5),
      truncated: good.slice(0, good.length - 10),
      "cut in half": good.slice(0, good.length / 2),
      "malformed percent": "%E0%A4%A%ZZ%",
      "percent-encoded seal": good.replace(/\./g, "%2E"),
      "100 kB": "A".repeat(100_000),
      "100 kB seal-like": `d1.1.${"A".repeat(100_000)}`,
      empty: "",
      quotes: '"d1.1."',
      "another purpose": "",
    };
    // A valid seal made for another purpose (a token cookie replayed as a transaction).
    garbage["another purpose"] = await new Sealer(normalizeSecrets(SECRET)).seal("token:fake", { s: "x" }, 600);
    for (const [label, value] of Object.entries(garbage)) {
      fake.reset();
      const res = await dance.handler(new Request(callback, { headers: { cookie: `dance-tx-fake=${value}` } }));
      expect({ label, status: res.status, code: res.headers.get("x-dance-error") }).toEqual({ label, status: 400, code: "missing_transaction" });
      expectTransactionCleared(res);
      expect(fake.tokenRequests).toHaveLength(0);
    }
    expect(storage.entries().size).toBe(0);

    // Token cookies: the same garbage means "not logged in", never an exception.
    const cookieDance = fakeDance(fake);
    const user = new Browser(cookieDance);
    expect((await user.login()).status).toBe(302);
    const token = user.cookies.get("dance-fake")!;
    const tokenGarbage = [
      flip(token, Math.floor(token.length / 2)),
      token.slice(0, -1),
      "%E0%A4%A",
      "x".repeat(100_000),
      good, // the transaction seal: another purpose
    ];
    const page = cookieDance.protect("fake", () => new Response("secret page"));
    for (const value of tokenGarbage) {
      const request = new Request(`${APP}/profile`, { headers: { cookie: `dance-fake=${value}; other=%%%; =; ;` } });
      const session = await cookieDance.session(request, "fake");
      expect(session.authorized).toBe(false);
      const res = await page(new Request(request));
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/login/fake?next=%2Fprofile");
    }
    // A chunked token with a chunk missing or changed is absent too.
    const big = new Browser(cookieDance);
    fake.onToken((ctx) => ctx.standard({ body: { access_token: `at-${randomBytes(4500).toString("base64url")}` } }));
    await big.login();
    expect(big.cookies.has("dance-fake.1")).toBe(true);
    const chunk1 = big.cookies.get("dance-fake.1")!;
    for (const change of [() => big.cookies.delete("dance-fake.1"), () => big.cookies.set("dance-fake.1", flip(chunk1, 10))]) {
      const copy = new Map(big.cookies);
      change();
      expect((await cookieDance.session(big.request("/profile"), "fake")).authorized).toBe(false);
      big.cookies.clear();
      for (const [k, v] of copy) big.cookies.set(k, v);
    }
    expect((await cookieDance.session(big.request("/profile"), "fake")).authorized).toBe(true);
  });

  it("26. secrets {2: new, 1: old}: an id-1 cookie still opens and is re-sealed with id 2; once id 1 is dropped → logged out, no error; a secret under 32 chars → start-up error", async () => {
    const before = fakeDance(fake, { secret: OLD_SECRET });
    const rotating = fakeDance(fake, { secret: { 2: NEW_SECRET, 1: OLD_SECRET } });
    const after = fakeDance(fake, { secret: { 2: NEW_SECRET } });

    const browser = new Browser(before);
    expect((await browser.login()).status).toBe(302);
    const oldCookie = browser.cookies.get("dance-fake")!;
    expect(oldCookie).toMatch(/^d1\.1\./);

    // Rotation: still logged in, and the response re-seals the cookie with id 2.
    const page = rotating.protect("fake", (_request, session) => new Response(`hello ${String(session.claims?.sub)}`));
    const res = await page(browser.request("/profile"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hello user-1");
    const resealed = tokenCookies(res);
    expect(resealed).toHaveLength(1);
    expect(cookieNameValue(resealed[0]!).value).toMatch(/^d1\.2\./);
    // A login started before the rotation completes after it.
    const inFlight = new Browser(before);
    const callback = await inFlight.loginToCallback();
    const done = await rotating.handler(inFlight.request(callback));
    expect(done.status).toBe(302);
    expect(cookieNameValue(tokenCookies(done)[0]!).value).toMatch(/^d1\.2\./);

    // Id 1 dropped: the re-sealed cookie works, the old one means "logged out" without an error.
    browser.keep(res);
    expect((await after.session(browser.request("/profile"), "fake")).authorized).toBe(true);
    const stale = new Request(`${APP}/profile`, { headers: { cookie: `dance-fake=${oldCookie}` } });
    expect((await after.session(stale, "fake")).authorized).toBe(false);
    const guarded = await after.protect("fake", () => new Response("secret"))(stale);
    expect(guarded.status).toBe(302);
    expect(guarded.headers.get("location")).toMatch(/^\/login\/fake\?next=/);

    // Short secrets are refused when the Dance is created.
    const providers = [fakeOidc(fake)];
    for (const secret of ["short", "x".repeat(31), { 2: "x".repeat(31), 1: OLD_SECRET }, { 1: OLD_SECRET, 2: "" }]) {
      expect(() => createDance({ secret, providers })).toThrow(DanceConfigError);
    }
    expect(() => createDance({ providers, env: { DANCE_SECRET: "too-short" } })).toThrow(DanceConfigError);
    expect(() => createDance({ providers, env: {} })).toThrow(DanceConfigError);
    expect(() => createDance({ secret: "x".repeat(32), providers })).not.toThrow();
  });

  it("27. a 6 kB token → several cookies, each under 4096 bytes, read back whole", async () => {
    const dance = fakeDance(fake);
    const browser = new Browser(dance);
    const accessToken = `at-${randomBytes(4500).toString("base64url")}`; // 6 003 characters
    expect(accessToken.length).toBeGreaterThan(6000);
    fake.onToken((ctx) => ctx.standard({ body: { access_token: accessToken } }));
    const res = await browser.login();
    expect(res.status).toBe(302);
    const chunks = tokenCookies(res);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => cookieNameValue(c).name)).toEqual(chunks.map((_, i) => `dance-fake.${i}`));
    for (const chunk of chunks) expect(new TextEncoder().encode(chunk).length).toBeLessThan(4096);

    const session = await dance.session(browser.request("/profile"), "fake");
    expect(session.token?.access_token).toBe(accessToken);
    const api = await session.fetch("/api/me");
    expect(((await api.json()) as { authorization: string }).authorization).toBe(`Bearer ${accessToken}`);

    // A later, small token replaces the chunks: they are deleted, the single cookie reads back.
    fake.reset();
    const res2 = await browser.login();
    const deleted = setCookies(res2).filter(isDeletion).map((h) => cookieNameValue(h).name);
    expect(deleted).toEqual(expect.arrayContaining(chunks.map((c) => cookieNameValue(c).name)));
    expect([...browser.cookies.keys()].filter((k) => k.startsWith("dance-fake"))).toEqual(["dance-fake"]);
    const small = await dance.session(browser.request("/profile"), "fake");
    expect(small.token?.access_token).toMatch(/^at-/);
    expect(small.token?.access_token).not.toBe(accessToken);
  });

  it("28. transaction and token cookies carry HttpOnly, SameSite and (on https) Secure", async () => {
    const check = async (origin: string, secure: boolean) => {
      const dance = fakeDance(fake);
      const browser = new Browser(dance, origin);
      const login = await browser.send("/login/fake");
      const callback = await (async () => {
        const back = await fetch(login.headers.get("location")!, { redirect: "manual" });
        return new URL(back.headers.get("location")!);
      })();
      // Plain http off loopback is no secure context: a browser drops the `__Host-`/`Secure`
      // transaction cookie there (so does the test browser). Hand it back explicitly, to see
      // what Dance writes at the callback.
      const offLoopbackHttp = new URL(origin).protocol === "http:" && secure;
      const done = await browser.send(callback, offLoopbackHttp ? { headers: { cookie: cookieNamed(login, "dance-tx-fake")!.split(";")[0]! } } : {});
      expect(done.status).toBe(302);
      const tx = cookieNamed(login, "dance-tx-fake")!;
      const token = cookieNamed(done, "dance-fake")!;
      const cleared = setCookies(done).find((h) => cookieNameValue(h).name.endsWith("dance-tx-fake") && isDeletion(h))!;
      for (const [what, header] of [["transaction", tx], ["token", token], ["cleared transaction", cleared]] as const) {
        expect(header, `${what} cookie on ${origin}`).toBeDefined();
        const attrs = attributes(header);
        const label = `${what} on ${origin}: ${header.replace(/=[^;]*/, "=…")}`;
        expect(attrs.has("httponly"), label).toBe(true);
        expect(attrs.get("samesite"), label).toBe("Lax");
        expect(attrs.get("path"), label).toBe("/");
        expect(attrs.has("domain"), label).toBe(false);
        expect(attrs.has("secure"), label).toBe(secure);
        expect(cookieNameValue(header).name.startsWith("__Host-"), label).toBe(secure);
      }
      expect(attributes(tx).get("max-age")).toBe("600");
      expect(Number(attributes(token).get("max-age"))).toBeGreaterThan(0);
    };
    await check("http://localhost:3000", false);
    await check("http://127.0.0.1:8080", false);
    await check("https://app.com", true);
    await check("http://app.example", true); // plain http off loopback: still Secure (development only on loopback)

    // A form_post provider's transaction needs SameSite=None, which browsers only keep with Secure.
    const formPost = createDance({ secret: SECRET, providers: [fakeOidc(fake, { responseMode: "form_post" })] });
    const onHttps = await formPost.handler(new Request(`${HTTPS_APP}/login/fake`));
    const txHttps = attributes(cookieNamed(onHttps, "dance-tx-fake")!);
    expect([txHttps.get("samesite"), txHttps.has("secure"), txHttps.has("httponly")]).toEqual(["None", true, true]);
    const onHttp = await formPost.handler(new Request(`${APP}/login/fake`));
    expect(attributes(cookieNamed(onHttp, "dance-tx-fake")!).get("samesite")).toBe("Lax");
  });

  it("29. X-Forwarded-Proto/-Host ignored unless trustProxy is set", async () => {
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };
    const next = encodeURIComponent("https://evil.example/after");
    for (const trustProxy of [false, true]) {
      fake.reset();
      const dance = fakeDance(fake, { trustProxy });
      const browser = new Browser(dance);
      const login = await browser.send(`/login/fake?next=${next}`, { headers: forwarded });
      const authorizationUrl = new URL(login.headers.get("location")!);
      const expectedOrigin = trustProxy ? "https://evil.example" : APP;
      expect(authorizationUrl.searchParams.get("redirect_uri")).toBe(`${expectedOrigin}/login/fake/authorized`);
      const tx = cookieNamed(login, "dance-tx-fake")!;
      expect(attributes(tx).has("secure")).toBe(trustProxy);
      expect(tx.startsWith("__Host-")).toBe(trustProxy);

      const back = await fetch(authorizationUrl, { redirect: "manual" });
      const callback = new URL(back.headers.get("location")!);
      // Deliver the callback to the app as the proxy would.
      const appCallback = new URL(callback.pathname + callback.search, APP);
      const done = await browser.send(appCallback, { headers: forwarded });
      expect(done.status).toBe(302);
      expect(fake.tokenRequests[0]!.form.get("redirect_uri")).toBe(`${expectedOrigin}/login/fake/authorized`);
      expect(done.headers.get("location")).toBe(trustProxy ? "https://evil.example/after" : "/");
    }
    // Without the headers, trustProxy changes nothing.
    const plain = await fakeDance(fake, { trustProxy: true }).handler(new Request(`${APP}/login/fake`));
    expect(new URL(plain.headers.get("location")!).searchParams.get("redirect_uri")).toBe(`${APP}/login/fake/authorized`);
  });
});
