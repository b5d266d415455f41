/**
 * The README's command, as written: `npm start -w examples/hono-google` with no credentials
 * starts the app and the local OpenID Provider; the home page links to the login, the login
 * redirects to the provider, and a whole dance there ends on the profile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, loginAtProvider } from "@dance/testing";
import { spawnApp } from "../../../test/conformance/harness.js";
import type { RunningApp } from "../../../test/conformance/suite.js";

let app: RunningApp;
beforeAll(async () => {
  app = await spawnApp("npm", ["start", "-w", "examples/hono-google"], { env: { PORT: "0", PROVIDER_PORT: "0" }, ready: /App:\s+(http:\/\/127\.0\.0\.1:\d+)/, group: true });
});
afterAll(() => app?.stop());

describe("examples/hono-google without credentials", () => {
  it("shows a login link, redirects to the local provider, and logs in with any name", async () => {
    const browser = createBrowser();
    const home = await browser.get(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`href="/login/google?next=%2Fprofile"`);
    const login = await browser.get(`${app.url}/login/google?next=%2Fprofile`);
    expect(login.status).toBe(302);
    const authorize = browser.locationOf(login)!;
    expect(authorize.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/login/google/authorized`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const { response } = await loginAtProvider(browser, authorize, { login: "ada" });
    const profile = await browser.followRedirects(await browser.follow(response));
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain("Hello ada");
  });
});
