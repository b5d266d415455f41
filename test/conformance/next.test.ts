/**
 * Next.js: the shared conformance suite, then what only Next.js has — Server Components that
 * cannot write cookies, the proxy that refreshes before they render, server actions, and the
 * origin taken from the Host header rather than Next's `localhost` request URL.
 */
import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, startFakeProvider, type Browser, type FakeProvider } from "@dance/testing";
import { conformanceSuite, type RunningApp } from "./suite.js";
import { startNext } from "./next.js";

conformanceSuite("Next.js (next build + next start)", startNext);

describe("Next.js: Server Components, the proxy, server actions, the origin", () => {
  let fake: FakeProvider;
  let app: RunningApp;
  beforeAll(async () => {
    fake = await startFakeProvider();
    app = await startNext({ DANCE_SECRET: "next-specific-secret-0123456789-abcdefghij", FAKE_ISSUER: fake.issuer, FAKE_CLIENT_ID: fake.clientId, FAKE_CLIENT_SECRET: fake.clientSecret });
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  /** Log in with a token that is due for refresh (it expires within the 60 s leeway). */
  async function loginWithExpiringToken(): Promise<{ browser: Browser; first: string }> {
    fake.onToken((ctx) => (ctx.grantType === "authorization_code" ? ctx.standard({ body: { expires_in: 30 } }) : ctx.standard()));
    const browser = createBrowser();
    const done = await browser.followRedirects(`${app.url}/login/fake`, { until: (url) => url.pathname === "/" });
    expect(done.status).toBe(302);
    const first = ((await (await browser.get(`${app.url}/`)).json()) as { fake: string }).fake;
    expect(first).toMatch(/^at-/);
    return { browser, first };
  }

  const refreshes = () => fake.tokenRequests.filter((r) => r.form.get("grant_type") === "refresh_token").length;
  const rendered = async (response: Response) => /id="state">([^<]*)</.exec(await response.text())?.[1];

  it("the proxy refreshes an expiring token before a Server Component renders, and writes it", async () => {
    const { browser, first } = await loginWithExpiringToken();
    const page = await browser.get(`${app.url}/rsc`);
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie().map((c) => c.slice(0, c.indexOf("=")))).toEqual(["dance-fake"]);
    expect(page.headers.get("cache-control")).toMatch(/private.*no-store|no-store.*private/);
    const state = await rendered(page);
    const second = ((await (await browser.get(`${app.url}/`)).json()) as { fake: string }).fake;
    expect(second).not.toBe(first);
    // The page rendered with the token the proxy wrote: one refresh in all, none during the render.
    expect(state).toBe(`token=${second} api=200`);
    expect(refreshes()).toBe(1);
  });

  it("a token a Server Component refreshed (no proxy there) is written by the next request that can write", async () => {
    const { browser, first } = await loginWithExpiringToken();
    const page = await browser.get(`${app.url}/rsc-direct`);
    expect(page.status).toBe(200);
    const state = await rendered(page);
    expect(state).toMatch(/^token=at-\S+ api=200$/);
    expect(state).not.toBe(`token=${first} api=200`);
    expect(page.headers.getSetCookie()).toEqual([]); // Next.js forbids cookie writes in a render
    expect(refreshes()).toBe(1);
    // Another render with the old cookie uses the refreshed token: no second refresh (a rotated refresh token would fail).
    const again = await browser.get(`${app.url}/rsc-direct`);
    expect(await rendered(again)).toBe(state);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(refreshes()).toBe(1);
    // A route handler that does not refresh at all stores what the render refreshed.
    const next = await browser.get(`${app.url}/`);
    expect(next.headers.getSetCookie().map((c) => c.slice(0, c.indexOf("=")))).toEqual(["dance-fake"]);
    expect(next.headers.get("cache-control")).toBe("private, no-store");
    expect(`token=${((await next.json()) as { fake: string }).fake} api=200`).toBe(state);
    expect(refreshes()).toBe(1);
  });

  it("a server action writes its cookie changes with cookies().set() (logout)", async () => {
    const browser = createBrowser();
    await browser.followRedirects(`${app.url}/login/fake`, { until: (url) => url.pathname === "/" });
    const form = await (await browser.get(`${app.url}/action`)).text();
    const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(form)?.[1];
    expect(field).toBeDefined();
    const body = new FormData();
    body.set(field!, "");
    const request = browser.request(`${app.url}/action`, { method: "POST", body });
    const response = await fetch(request, { redirect: "manual" });
    browser.receive(`${app.url}/action`, response);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-fake=; Path=\/; .*Max-Age=0/)]);
    expect(await (await browser.get(`${app.url}/`)).json()).toEqual({ fake: null, fakepost: null });
  });

  it("the origin comes from the Host header, not from Next's localhost request URL", async () => {
    const port = new URL(app.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const location = await new Promise<string>((resolve, reject) =>
        http.get({ host: "127.0.0.1", port, path: "/login/fake", headers: { host } }, (res) => {
          res.resume();
          resolve(String(res.headers.location));
        }).on("error", reject),
      );
      expect(new URL(location).searchParams.get("redirect_uri")).toBe(`http://${host}/login/fake/authorized`);
    }
    // The proxy's guard redirects on the same origin (Next.js turns the absolute Location it needs back into a path).
    const guarded = await fetch(`${app.url}/private`, { redirect: "manual" });
    expect(new URL(guarded.headers.get("location")!, app.url).href).toBe(`${app.url}/login/fake?next=%2Fprivate`);
  });
});
