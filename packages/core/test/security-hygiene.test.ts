/**
 * SECURITY.md case 36: what Dance says (debug records, error pages, error messages) never
 * carries a secret, and a successful login always writes a fresh cookie.
 */
import { describe, expect, it } from "vitest";
import { isValidHost, type DebugRecord } from "@dance/core";
import { type TokenReply } from "@dance/testing";
import { Browser, Clock, cookieNameValue, fakeDance, SECRET, tokenCookies, useFakeProvider, withParams } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

describe("hygiene", () => {
  it("36. debug output, error pages and error messages never contain the client secret, code, verifier or tokens", async () => {
    const records: DebugRecord[] = [];
    const said: string[] = [];
    const issued: string[] = [];
    /** The fake's answers, with every token they carry remembered. */
    const remember = async (reply: TokenReply): Promise<TokenReply> => {
      if (typeof reply.body === "object") {
        for (const key of ["access_token", "refresh_token", "id_token"]) if (typeof reply.body[key] === "string") issued.push(reply.body[key] as string);
      }
      return reply;
    };
    const dance = fakeDance(fake, { now: clock.now, debug: (record) => void records.push(structuredClone(record)) }, { refresh: true });
    const browser = new Browser(dance);
    const listen = async (res: Response) => {
      said.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.clone().text()}`);
      return res;
    };
    const send = async (url: URL | string, json = false) => {
      const res = await listen(await browser.send(url, json ? { headers: { accept: "application/json" } } : {}));
      if (json && res.headers.get("content-type")?.includes("json")) expect(await res.clone().json()).toHaveProperty("error");
      return res;
    };
    const fetchApi = async () => {
      const session = await dance.session(browser.request("/profile"), "fake");
      // The API's own answer (the fake echoes the Authorization header) is not Dance's to judge.
      const api = await session.fetch("/api/me").catch((error: unknown) => {
        said.push(String(error), (error as Error).message, JSON.stringify(error));
      });
      if (api) expect(api.status).toBe(200);
      browser.keep(session.commit(new Response()));
    };

    // A successful dance, an API call, a refresh.
    fake.onToken(async (ctx) => remember(await ctx.standard()));
    await send(await browser.loginToCallback());
    await fetchApi();
    clock.advance(3700);
    await fetchApi();

    // Failures of every kind, as HTML and as JSON.
    for (const json of [false, true]) {
      fake.onToken(async (ctx) => remember(await ctx.standard()));
      const cb = await browser.loginToCallback();
      await send(withParams(cb, { state: "forged" }), json); // state_mismatch
      await send(withParams(await browser.loginToCallback(), { state: null }), json); // state_missing
      await send(cb, json); // missing_transaction (the code is in the URL)
      const late = await browser.loginToCallback();
      clock.advance(700);
      await send(late, json); // transaction_expired
      clock.advance(-700);
      await send(withParams(await browser.loginToCallback(), { iss: "https://evil.example" }), json); // issuer_mismatch
      fake.setCallbackParams({ error: "access_denied", error_description: "no" });
      await send(await browser.loginToCallback(), json); // provider_error
      fake.setCallbackParams({ error: null, error_description: null });
      fake.onToken({ status: 400, body: { error: "invalid_grant", error_description: "the code is invalid" } });
      await send(await browser.loginToCallback(), json); // token_exchange_failed
      fake.onToken({ status: 502, headers: { "content-type": "text/html" }, body: "<h1>Bad gateway</h1>" });
      await send(await browser.loginToCallback(), json); // provider_unavailable
      fake.onToken(async (ctx) => remember(await ctx.standard({ claims: { aud: "someone-else" } })));
      await send(await browser.loginToCallback(), json); // id_token_invalid
      fake.onToken(async (ctx) => remember(await ctx.standard({ body: { token_type: "mac" } })));
      await send(await browser.loginToCallback(), json); // token_exchange_failed: an unsupported token
    }
    // Refresh failures: a bad refreshed id_token, then a refresh refused for good.
    fake.onToken(async (ctx) => remember(await ctx.standard()));
    await send(await browser.loginToCallback());
    clock.advance(3700);
    fake.onToken(async (ctx) => remember(await ctx.standard({ claims: { sub: "user-2" } })));
    await fetchApi();
    fake.onToken({ status: 400, body: { error: "invalid_grant" } });
    await fetchApi();

    const secrets = [
      ["client secret", fake.clientSecret],
      ["Dance secret", SECRET],
      ...fake.authorizations.map((a) => ["code", a.code]),
      ...fake.tokenRequests.flatMap((r) => (r.form.get("code_verifier") ? [["verifier", r.form.get("code_verifier")!]] : [])),
      ...fake.tokenRequests.flatMap((r) => (r.form.get("refresh_token") ? [["refresh token", r.form.get("refresh_token")!]] : [])),
      ...issued.map((t) => ["token", t]),
    ] as const;
    expect(records.length).toBeGreaterThan(10);
    expect(fake.authorizations.length).toBeGreaterThanOrEqual(20);
    expect(secrets.filter(([kind]) => kind === "verifier").length).toBeGreaterThan(5);
    expect(issued.length).toBeGreaterThan(10);
    expect(records.map((r) => r.event)).toEqual(expect.arrayContaining(["login", "authorized", "failure", "refreshed", "refresh_failed"]));
    const debugText = JSON.stringify(records);
    const pages = said.join("\n");
    for (const [kind, secret] of secrets) {
      expect(debugText.includes(secret), `${kind} in debug output`).toBe(false);
      // The error pages and messages; the code itself legitimately sits in the callback URL, never in what Dance answers.
      expect(pages.includes(secret), `${kind} in an answer or error message`).toBe(false);
    }
  });

  it("36. a successful login always writes a fresh cookie", async () => {
    const dance = fakeDance(fake);
    // Someone else's valid token cookie planted in the browser (login fixation).
    const attacker = new Browser(dance);
    await attacker.login();
    const planted = attacker.cookies.get("dance-fake")!;
    const attackerToken = (await dance.session(attacker.request("/"), "fake")).token!.access_token;

    const victim = new Browser(dance);
    victim.cookies.set("dance-fake", planted);
    const seen = new Set<string>([planted]);
    for (let i = 0; i < 3; i++) {
      const login = await victim.send("/login/fake");
      const tx = cookieNameValue(login.headers.getSetCookie().find((h) => h.startsWith("dance-tx-fake="))!).value;
      expect(seen.has(tx)).toBe(false);
      seen.add(tx);
      const back = await fetch(login.headers.get("location")!, { redirect: "manual" });
      const done = await victim.send(back.headers.get("location")!);
      expect(done.status).toBe(302);
      const written = tokenCookies(done);
      expect(written).toHaveLength(1);
      const value = cookieNameValue(written[0]!).value;
      expect(seen.has(value)).toBe(false);
      seen.add(value);
      const token = (await dance.session(victim.request("/"), "fake")).token!;
      expect(token.access_token).not.toBe(attackerToken);
    }
    // Even when the provider answers the very same token again, the cookie is written anew.
    const fixed = { access_token: "at-same-token", token_type: "bearer" };
    fake.onToken((ctx) => ctx.standard({ body: fixed }));
    const values = [];
    for (let i = 0; i < 2; i++) {
      const done = await victim.send(await victim.loginToCallback());
      values.push(cookieNameValue(tokenCookies(done)[0]!).value);
    }
    expect(values[0]).not.toBe(values[1]);
  });
});

describe("isValidHost: what every adapter accepts as a Host header (RFC 9110 §7.2)", () => {
  it("accepts host names, IPv4, bracketed IPv6 and a port; refuses what would change the URL built from it", () => {
    for (const host of ["app.example.com", "app.example.com:8443", "127.0.0.1:3000", "[::1]:3000", "[2001:db8::1]", "xn--bcher-kva.example", "localhost"]) {
      expect(isValidHost(host), host).toBe(true);
    }
    for (const host of ["", "evil.com/x", "app.com?x", "app.com#x", "user@app.com", "app.com\\evil.com", "app .com", "app.com:", "app.com:123456", "[::1", "app.com:80:80", "app.com\r\nx: y"]) {
      expect(isValidHost(host), JSON.stringify(host)).toBe(false);
    }
  });
});
