/**
 * Sign in with Apple in Debian's headless Chromium: Apple answers with a cross-site `form_post`,
 * which a browser sends without the app's SameSite=Lax cookies. Dance answers that POST with a
 * 303 to the same callback as a GET, where the login cookie comes back, and finishes the dance
 * there — state, PKCE and nonce checked as always, and no cookie made SameSite=None for it.
 *
 * The app is served as `http://localhost:<port>` and the preset's fake (its endpoints on
 * loopback) as `http://127.0.0.1:<port>`: two sites, as the app and appleid.apple.com are.
 * Needs `chromium` on the PATH (CI installs it); without it this test fails, it does not skip.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDance } from "@dance/core";
import { getSession, toNodeHandler } from "@dance/node";
import { apple } from "@dance/providers/apple";
import { CHROMIUM_ARGS, fakeProvider, findChromium, type PresetFake } from "@dance/testing";

/** A throwaway P-256 key of this test (never used anywhere else). */
const privateKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3t0xB6TOA9RkFta3
kW/AcyWxN30+mKx/FBORjuWYxIKhRANCAARgBwyPb2CA978TqmTIuZAz7djrlvwC
GkmQRuPIvPgJn1K7B4PLvHP5c3c/T/XYOWuUtx5IKbCcJ3GzWOR3jtY6
-----END PRIVATE KEY-----`;

interface Seen {
  method: string;
  path: string;
  cookies: string[];
}

let fake: PresetFake<"apple">;
let server: Server;
let appUrl: string;
let browser: Browser | undefined;
const seen: Seen[] = [];

beforeAll(async () => {
  fake = await fakeProvider(apple({ clientId: "com.example.web", teamId: "TEAM123456", keyId: "KEY1234567", privateKey }), { subject: "001234.apple-user" });
  const dance = createDance({ secret: "apple-browser-test-secret-0123456789abcdef", providers: [fake.provider], warn: () => {} });
  const app = toNodeHandler(dance, async (req, res) => {
    const session = await getSession(dance, req, res, "apple");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ authorized: session.authorized, sub: session.claims?.sub ?? null }));
  });
  server = createServer((req, res) => {
    const names = (req.headers.cookie ?? "").split(";").map((pair) => pair.trim().split("=")[0]!).filter(Boolean);
    seen.push({ method: req.method ?? "", path: new URL(req.url ?? "/", "http://x").pathname, cookies: names });
    void app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  appUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await fake?.close();
});

describe("Sign in with Apple in Chromium (cross-site form_post)", () => {
  it("the POST comes without the login cookie; the 303 to a GET brings it back; the user is signed in", async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext();
    // Loopback only: no request leaves the machine.
    await context.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort());
    const page = await context.newPage();

    await page.goto(`${appUrl}/login/apple`);
    await page.waitForURL(`${appUrl}/`);
    expect(JSON.parse((await page.locator("body").textContent()) ?? "{}")).toEqual({ authorized: true, sub: "001234.apple-user" });

    // Apple's page POSTed the answer across sites: Chromium kept the SameSite=Lax login cookie back.
    const callbacks = seen.filter((request) => request.path === "/login/apple/authorized");
    expect(callbacks.map((request) => request.method)).toEqual(["POST", "GET"]);
    expect(callbacks[0]!.cookies).not.toContain("dance-tx-apple");
    expect(callbacks[1]!.cookies).toContain("dance-tx-apple");
    // The fake's token endpoint got one code exchange, with Apple's client secret (an ES256 JWT).
    const exchanges = fake.requests.filter((request) => request.form.get("grant_type") === "authorization_code");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.form.get("client_secret")?.split(".")).toHaveLength(3);

    // No cookie was loosened to SameSite=None for this: the token is in a Lax cookie.
    const cookies = await context.cookies(appUrl);
    expect(cookies.map((cookie) => cookie.name)).toContain("dance-apple");
    for (const cookie of cookies) {
      expect(cookie.sameSite, cookie.name).toBe("Lax");
      expect(cookie.httpOnly, cookie.name).toBe(true);
    }
    // The callback's parameters did not stay in the address bar.
    expect(page.url()).toBe(`${appUrl}/`);
  });
});
