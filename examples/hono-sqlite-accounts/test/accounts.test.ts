/**
 * The accounts example over real HTTP on 127.0.0.1, with the local OpenID Provider standing in
 * for GitHub and Google (what `npm start` does without credentials): Flask-Dance's "creating
 * users on login" recipe — find or create the local user by provider user id, link the second
 * provider while signed in, never match by e-mail — and `npm start` itself.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, loginAtProvider, type Browser } from "@dance/testing";
import { startAccountsExample } from "../src/start.js";

const dir = mkdtempSync(join(tmpdir(), "dance-accounts-"));
let example: Awaited<ReturnType<typeof startAccountsExample>>;

beforeAll(async () => {
  example = await startAccountsExample({ port: 0, providerPort: 0, database: join(dir, "accounts.db"), secret: "accounts-example-secret-0123456789abcdef", env: {} });
});
afterAll(async () => {
  await example?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Log in (or link) with `provider` as `login` at the local provider; returns the app's answer to the callback. */
async function logIn(browser: Browser, provider: "github" | "google", login: string): Promise<Response> {
  const start = await browser.get(`${example.url}/login/${provider}`);
  expect(start.status).toBe(302);
  const { response } = await loginAtProvider(browser, browser.locationOf(start)!, { login });
  return browser.follow(response);
}

const home = async (browser: Browser) => (await browser.get(`${example.url}/`)).text();
const users = () => example.accounts.db.selectFrom("users").select(["id", "name"]).orderBy("id").execute();
const linked = () => example.accounts.tokens.db.selectFrom("dance_tokens").select(["provider", "provider_user_id", "user_id"]).orderBy("user_id").orderBy("provider").execute();

describe("creating users on login", () => {
  const ada = createBrowser();
  const other = createBrowser();

  it("logging in with GitHub creates a local user linked to the GitHub account, and signs them in", async () => {
    expect(await home(ada)).toContain("Log in with GitHub");
    const done = await logIn(ada, "github", "ada");
    expect({ status: done.status, location: done.headers.get("location") }).toEqual({ status: 302, location: "/" });
    expect(await users()).toEqual([{ id: 1, name: "ada" }]);
    expect(await linked()).toEqual([{ provider: "github", provider_user_id: "ada", user_id: "1" }]);
    const page = await home(ada);
    expect(page).toContain("Hello, ada");
    expect(page).toContain("Local user #1.");
    expect(page).toContain("GitHub: linked (id <code>ada</code>)");
    expect(page).toContain('Google: <a href="/login/google">link</a>');
  });

  it("never by e-mail: a Google account nobody linked makes a new user, though its name and e-mail (ada@example.test) are user 1's", async () => {
    await logIn(other, "google", "ada");
    expect(await users()).toEqual([
      { id: 1, name: "ada" },
      { id: 2, name: "ada" },
    ]);
    expect(await home(other)).toContain("Local user #2.");
    expect(await linked()).toEqual([
      { provider: "github", provider_user_id: "ada", user_id: "1" },
      { provider: "google", provider_user_id: "ada", user_id: "2" },
    ]);
  });

  it("a provider account linked to one user is never moved to another: 409, nothing changes", async () => {
    const before = await linked();
    const refused = await logIn(ada, "google", "ada");
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("belongs to another local account");
    expect(await linked()).toEqual(before);
    expect(await home(ada)).toContain("Local user #1.");
  });

  it("logging in with Google while signed in links it to the same user; the stored tokens call both APIs", async () => {
    // Ada, still signed in as user 1, in a browser where the provider does not know her yet.
    const linking = createBrowser();
    linking.cookies.set(example.url, "app-user", ada.cookies.get(example.url, "app-user")!);
    const done = await logIn(linking, "google", "ada.lovelace");
    expect(done.headers.get("location")).toBe("/");
    expect(await users()).toHaveLength(2);
    expect(await linked()).toEqual([
      { provider: "github", provider_user_id: "ada", user_id: "1" },
      { provider: "google", provider_user_id: "ada.lovelace", user_id: "1" },
      { provider: "google", provider_user_id: "ada", user_id: "2" },
    ]);
    for (const [provider, sub] of [["github", "ada"], ["google", "ada.lovelace"]]) {
      const profile = await ada.get(`${example.url}/profile/${provider}`);
      expect(profile.status).toBe(200);
      expect(await profile.text()).toContain(`&#34;sub&#34;: &#34;${sub}&#34;`);
    }
  });

  it("after signing out, logging in with either provider account finds the same local user (by provider user id)", async () => {
    const out = await ada.post(`${example.url}/logout`, {});
    expect(out.status).toBe(303);
    expect(await home(ada)).toContain("Log in with Google");
    await logIn(ada, "github", "ada");
    expect(await home(ada)).toContain("Local user #1.");
    const fresh = createBrowser();
    await logIn(fresh, "google", "ada.lovelace");
    expect(await home(fresh)).toContain("Local user #1.");
    expect(await users()).toHaveLength(2);
  });
});

describe("npm start", () => {
  it("starts the example on 127.0.0.1 and prints its URL; the page offers both providers", async () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const child = spawn("npm", ["start", "-w", "examples/hono-sqlite-accounts"], {
      cwd: root,
      env: { ...process.env, PORT: "0", PROVIDER_PORT: "0", DATABASE: join(dir, "npm-start.db"), GITHUB_OAUTH_CLIENT_ID: "", GOOGLE_OAUTH_CLIENT_ID: "" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 30_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const found = /App:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        child.stdout!.on("data", read);
        child.stderr!.on("data", read);
        child.once("exit", (code) => reject(new Error(`npm start exited (${code}): ${output}`)));
      });
      const page = await (await fetch(`${url}/`)).text();
      expect(page).toContain("Log in with GitHub");
      expect(page).toContain("Log in with Google");
      expect(page).toContain("the local OpenID Provider stands in");
      const login = await fetch(`${url}/login/github`, { redirect: "manual" });
      expect(login.status).toBe(302);
      expect(new URL(login.headers.get("location")!).hostname).toBe("127.0.0.1");
    } finally {
      // npm runs tsx runs node: stop the whole process group.
      process.kill(-child.pid!, "SIGTERM");
    }
  });
});
