/**
 * The README's command, as written: `npm start -w examples/workers-github` with no credentials
 * runs the Worker in workerd next to the local OpenID Provider; the home page links to the
 * login, the login redirects to the provider, and a whole dance there ends logged in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, loginAtProvider } from "@dance/testing";
import { spawnApp } from "../../../test/conformance/harness.js";
import type { RunningApp } from "../../../test/conformance/suite.js";

let app: RunningApp;
beforeAll(async () => {
  app = await spawnApp("npm", ["start", "-w", "examples/workers-github"], { env: { PORT: "0", PROVIDER_PORT: "0" }, ready: /App:\s+(http:\/\/127\.0\.0\.1:\d+)/, group: true });
});
afterAll(() => app?.stop());

describe("examples/workers-github without credentials", () => {
  it("shows a login link, redirects to the local provider, logs in with any name and out again", async () => {
    const browser = createBrowser();
    const home = await browser.get(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`href="/login/github"`);
    const login = await browser.get(`${app.url}/login/github`);
    expect(login.status).toBe(302);
    const authorize = browser.locationOf(login)!;
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/login/github/authorized`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const { response } = await loginAtProvider(browser, authorize, { login: "grace" });
    const page = await browser.followRedirects(await browser.follow(response));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Hello grace");
    const logout = await browser.post(`${app.url}/logout`, {});
    expect(logout.status).toBe(303);
    expect(await (await browser.get(`${app.url}/`)).text()).toContain("Log in with GitHub");
  });
});
