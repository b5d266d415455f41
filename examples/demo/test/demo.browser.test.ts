/**
 * The demo, clicked through in Debian's headless Chromium: home → Log in → the provider's login
 * and consent pages → the profile with the timeline of the dance → Log out.
 *
 * Needs `chromium` on the PATH (`apt-get install chromium`; CI installs it). Without it this
 * test fails, it does not skip. `DEMO_SCREENSHOT=/tmp/demo-profile.png` saves the profile page.
 */
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "@dance/testing";
import { startDemo, type RunningDemo } from "../src/demo.js";

/** The login name typed at the provider: markup in it must come out as text. */
const LOGIN = `Ada <i>&</i> Lovelace`;
const DANCE_SECRET = "demo-test-secret-" + "s".repeat(32);

let demo: RunningDemo;
let browser: Browser | undefined;
/** Every secret value the server side saw: none may appear in a page. */
const secrets = new Map<string, string>();
/** Long random one-time values: the page may show a prefix, never the whole. */
const oneTime = new Map<string, string>();

function keep(map: Map<string, string>, label: string, value: string | null | undefined): void {
  if (value && value.length >= 8) map.set(`${label}#${map.size}`, value);
}

/** Dance's provider calls, as they really went out and came back (the demo's recorder wraps this). */
const spyFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  const auth = request.headers.get("authorization");
  if (auth) {
    keep(secrets, "authorization header", auth);
    keep(secrets, "authorization credential", auth.split(" ")[1]);
  }
  if (request.method === "POST") {
    const form = new URLSearchParams(await request.clone().text());
    for (const name of ["code", "code_verifier", "client_secret", "refresh_token"]) keep(secrets, name, form.get(name));
  }
  const response = await fetch(request);
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    const body = (await response.clone().json()) as Record<string, unknown>;
    for (const name of ["access_token", "id_token", "refresh_token"]) {
      if (typeof body[name] === "string") keep(secrets, name, body[name] as string);
    }
  }
  return response;
};

beforeAll(async () => {
  demo = await startDemo({ port: 0, providerPort: 0, secret: DANCE_SECRET, fetch: spyFetch });
  keep(secrets, "client secret", demo.client.secret);
  keep(secrets, "DANCE_SECRET", DANCE_SECRET);
  demo.dance.on("beforeLogin", ({ url }) => {
    for (const name of ["state", "nonce", "code_challenge"]) keep(oneTime, name, url.searchParams.get(name));
  });
  demo.dance.on("authorized", ({ request, token }) => {
    keep(secrets, "callback code", new URL(request.url).searchParams.get("code"));
    for (const name of ["access_token", "id_token", "refresh_token"] as const) keep(secrets, `stored ${name}`, token[name]);
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

function expectNoLeak(where: string, text: string): void {
  for (const [label, value] of secrets) {
    expect(text.includes(value), `${label} appears in ${where}`).toBe(false);
  }
  for (const [label, value] of oneTime) {
    expect(text.includes(value), `the whole ${label} appears in ${where}`).toBe(false);
  }
}

describe("the demo in a browser", () => {
  it("logs in with any name, shows the profile and the timeline of the dance, and logs out", async () => {
    // No Chromium → this fails (with how to install it), it does not skip.
    const executablePath = findChromium();
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext();
    // Loopback only: no request leaves the machine.
    await context.route((url) => url.hostname !== "127.0.0.1", (route) => route.abort());
    const page = await context.newPage();

    // Home: logged out, a Log in button.
    await page.goto(demo.url);
    expect(await page.locator("h1").textContent()).toContain("Log in");
    const login = page.locator("[data-action=login]");
    expect(await login.getAttribute("href")).toBe("/login/local?next=%2Fprofile");

    // Log in → the provider's login form (any name; the password is not checked).
    await login.click();
    await page.waitForURL((url) => url.origin === demo.providerUrl);
    await page.fill("input[name=login]", LOGIN);
    await page.fill("input[name=password]", "anything");
    await page.click("button[type=submit]");

    // Consent → back to the app's profile page.
    await page.waitForSelector("input[name=prompt][value=consent]", { state: "attached" });
    await page.click("button[type=submit]");
    await page.waitForURL(`${demo.url}/profile`);

    // The profile, fetched through session.fetch (userinfo): the name is text, not markup.
    expect(await page.locator("[data-field=name]").textContent()).toBe(LOGIN);
    expect(await page.locator("[data-field=name] i").count()).toBe(0);
    const profile = (await page.locator("[data-section=profile]").textContent()) ?? "";
    expect(profile).toContain(`${LOGIN}@example.test`);
    expect(profile).toContain("sub");

    // The timeline: every step, each with what it showed.
    const step = async (id: string) => {
      const item = page.locator(`[data-step="${id}"]`);
      expect(await item.getAttribute("class"), `step ${id} is recorded`).not.toContain("missing");
      return (await item.textContent()) ?? "";
    };
    const loginStep = await step("login");
    for (const name of ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "nonce"]) {
      expect(loginStep).toContain(name);
    }
    expect(loginStep).toContain(demo.client.redirectUri);
    expect(loginStep).toContain("S256");
    expect(loginStep).toContain(`${demo.providerUrl}/auth`);

    const callback = await step("callback");
    expect(callback).toContain("***redacted***");
    expect(callback).toContain("✓ state matched");
    expect(callback).toContain(`✓ iss is the configured issuer ${demo.providerUrl}`);

    const token = await step("token");
    expect(token).toContain(`POST ${demo.provider.endpoints.token} → 200`);
    expect(token).toMatch(/grant_type\s*authorization_code/);
    expect(token).toMatch(/code_verifier\s*\*\*\*redacted\*\*\*/);
    expect(token).toMatch(/Authorization\s*Basic \*\*\*redacted\*\*\*/);
    expect(token).toMatch(/token_type\s*Bearer/i);
    expect(token).toMatch(/expires_in\s*\d+/);
    expect(token).toMatch(/access_token\s*\*\*\*redacted\*\*\*/);
    expect(token).toMatch(/id_token\s*\*\*\*redacted\*\*\*/);
    expect(token).toMatch(/refresh_token\s*\*\*\*redacted\*\*\*/);
    expect(token).toMatch(/Tokens that came back:.*access_token.*id_token.*refresh_token/s);

    const idToken = await step("id-token");
    expect(idToken).toContain(`iss${demo.providerUrl}`);
    expect(idToken).toContain(`aud${demo.client.id}`);
    expect(idToken).toContain(`sub${LOGIN}`);
    expect(idToken).toMatch(/exp\d+ \(\d{4}-/);
    expect(idToken).toContain("✓ signature");
    expect(idToken).toContain("✓ nonce matches step 1");

    const api = await step("api");
    expect(api).toContain(`GET ${demo.provider.endpoints.userinfo} → 200`);
    expect(api).toMatch(/Authorization\s*Bearer \*\*\*redacted\*\*\*/);

    // No code, verifier, secret or token anywhere: not in the DOM, not in the HTML the server sent.
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    expect([...secrets.keys()].join(" ")).toMatch(/code_verifier.*|access_token/);
    const cookies = await context.cookies(demo.url);
    for (const cookie of cookies) if (cookie.name.startsWith("dance-") && cookie.name !== "dance-demo-browser") keep(secrets, `cookie ${cookie.name}`, cookie.value);
    expectNoLeak("the profile page", await page.content());
    const raw = await page.request.get(`${demo.url}/profile`, { maxRedirects: 0 });
    expect(raw.status()).toBe(200);
    expectNoLeak("the profile HTML", await raw.text());

    const screenshot = process.env.DEMO_SCREENSHOT;
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    // Log out: back home, logged out, the token cookie gone.
    await page.click("[data-action=logout]");
    await page.waitForURL(`${demo.url}/?logged_out=1`);
    expect(await page.locator("[data-action=login]").count()).toBe(1);
    expect(await page.locator("[data-note=logged-out]").textContent()).toContain("You are logged out of this app");
    expect((await context.cookies(demo.url)).map((c) => c.name)).not.toContain("dance-local");
    expectNoLeak("the home page", await page.content());

    // Without the token, the profile starts the dance again.
    const again = await page.request.get(`${demo.url}/profile`, { maxRedirects: 0 });
    expect(again.status()).toBe(302);
    expect(again.headers().location).toBe("/login/local?next=%2Fprofile");

    // Log out at the provider too: it confirms, then sends the browser back home.
    await page.click("[data-note=logged-out] a");
    await page.waitForURL((url) => url.origin === demo.providerUrl);
    await page.click("button[name=logout]");
    await page.waitForURL(`${demo.url}/`);
    // Now the provider asks for a name again.
    await page.click("[data-action=login]");
    await page.waitForURL((url) => url.origin === demo.providerUrl);
    expect(await page.locator("input[name=login]").count()).toBe(1);
  });
});
