/**
 * The README's command, as written: `npm start -w examples/next-github` with no credentials
 * builds the app, serves it with `next start` and starts the local OpenID Provider; the home
 * page links to the login, the proxy guards /profile, and a whole dance ends on the profile,
 * rendered by a Server Component; the server action logs out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, loginAtProvider } from "@dance/testing";
import { spawnApp } from "../../../test/conformance/harness.js";
import type { RunningApp } from "../../../test/conformance/suite.js";

let app: RunningApp;
beforeAll(async () => {
  app = await spawnApp("npm", ["start", "-w", "examples/next-github"], { env: { PORT: "0", PROVIDER_PORT: "0" }, ready: /App:\s+(http:\/\/127\.0\.0\.1:\d+)/, group: true, timeoutMs: 240_000 });
}, 250_000);
afterAll(() => app?.stop());

describe("examples/next-github without credentials", () => {
  it("links to the login, guards /profile, logs in with any name and shows the profile", async () => {
    const browser = createBrowser();
    const home = await browser.get(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`href="/login/github?next=%2Fprofile"`);
    const guarded = await browser.get(`${app.url}/profile`);
    expect([302, 307]).toContain(guarded.status);
    expect(browser.locationOf(guarded)!.pathname + browser.locationOf(guarded)!.search).toBe("/login/github?next=%2Fprofile");
    const login = await browser.get(`${app.url}/login/github?next=%2Fprofile`);
    expect(login.status).toBe(302);
    const authorize = browser.locationOf(login)!;
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/login/github/authorized`);
    const { response } = await loginAtProvider(browser, authorize, { login: "linus" });
    const profile = await browser.followRedirects(await browser.follow(response));
    expect(browser.urlOf(profile).pathname).toBe("/profile");
    const html = await profile.text();
    expect(html).toContain("Hello <!-- -->linus");

    // Log out: the form posts to the server action (without JavaScript, as a plain form would).
    const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
    expect(field).toBeDefined();
    const body = new FormData();
    body.set(field!, "");
    const logout = await fetch(browser.request(`${app.url}/profile`, { method: "POST", body }), { redirect: "manual" });
    browser.receive(`${app.url}/profile`, logout);
    expect(logout.status).toBe(303);
    expect(logout.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-github=; Path=\/; .*Max-Age=0/)]);
    expect(await (await browser.get(`${app.url}/`)).text()).toContain("Log in with GitHub");
  });
});
