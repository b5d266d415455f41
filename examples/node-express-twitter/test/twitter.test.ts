/**
 * The Twitter example without Twitter: no keys, so it starts the local OAuth 1.0a provider
 * (oauthlib) and the whole sign-in runs on 127.0.0.1, through Express and Dance. With keys it is
 * configured for api.twitter.com (checked without calling it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser } from "@dance/testing";
import { configFromEnv, modeOf, start, type RunningApp } from "../src/app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await start({ port: 0, env: {} });
});
afterAll(async () => {
  await app?.close();
});

describe("examples/node-express-twitter", () => {
  it("without keys: listens on 127.0.0.1 and dances with the local provider", () => {
    expect(app.mode).toBe("local");
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.local?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("signs in, shows a signed API call verified by oauthlib, and logs out", async () => {
    const browser = createBrowser();
    const home = await browser.get(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/login/twitter"');

    const login = await browser.get(`${app.url}/login/twitter`);
    expect(login.status).toBe(302);
    expect(browser.locationOf(login)!.href.startsWith(`${app.local!.authorizeUrl}?oauth_token=`)).toBe(true);
    const back = await browser.get(browser.locationOf(login)!);
    expect(back.status).toBe(302);
    const callback = browser.locationOf(back)!;
    expect(callback.origin + callback.pathname).toBe(`${app.url}/login/twitter/authorized`);
    const done = await browser.get(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/");
    expect(done.headers.getSetCookie().some((c) => /^dance-twitter=d1\./.test(c) && /HttpOnly/i.test(c))).toBe(true);

    const me = await browser.get(`${app.url}/`);
    // The page escapes the provider's JSON (&#34; for ").
    const page = (await me.text()).replaceAll("&#34;", '"');
    expect(me.status).toBe(200);
    expect(page).toContain("HTTP 200");
    expect(page).toContain('"path": "/api/2/users/me"');
    expect(page).toContain('"signature_method": "HMAC-SHA1"');
    expect(page).toContain('"client": "dance-example-twitter"');

    const logout = await browser.fetch(`${app.url}/logout`, { method: "POST" });
    expect(logout.status).toBe(303);
    expect(await (await browser.get(`${app.url}/`)).text()).toContain('href="/login/twitter"');
  });

  it("sends other host names to the configured origin, so the callback finds its cookies", async () => {
    const browser = createBrowser();
    const res = await browser.get(app.url.replace("127.0.0.1", "localhost") + "/login/twitter");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${app.url}/login/twitter`);
  });

  it("with keys: the twitter preset, on api.twitter.com; one key alone or a short secret is refused", () => {
    const env = { TWITTER_OAUTH_CLIENT_KEY: "key", TWITTER_OAUTH_CLIENT_SECRET: "secret" };
    const config = configFromEnv(env, 3000);
    expect(config).toMatchObject({ mode: "twitter", baseUrl: "http://127.0.0.1:3000", meUrl: "https://api.twitter.com/2/users/me" });
    expect(config.provider).toMatchObject({ requestTokenUrl: "https://api.twitter.com/oauth/request_token", clientKey: "key", clientSecret: "secret" });
    expect(() => modeOf({ TWITTER_OAUTH_CLIENT_KEY: "key" })).toThrow(/both TWITTER_OAUTH_CLIENT_KEY and TWITTER_OAUTH_CLIENT_SECRET/);
    expect(() => modeOf({ DANCE_SECRET: "short" })).toThrow(/at least 32 characters/);
  });
});
