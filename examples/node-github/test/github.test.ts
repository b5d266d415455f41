/**
 * The GitHub example without GitHub: it starts with dummy credentials and sends the browser to
 * GitHub's authorize page with the right parameters. No network needed.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv, start, type RunningApp } from "../src/app.js";

const env = {
  GITHUB_OAUTH_CLIENT_ID: "Iv1.dummyclientid",
  GITHUB_OAUTH_CLIENT_SECRET: "dummy-client-secret",
  DANCE_SECRET: "a-test-secret-that-is-long-enough-0123456789",
};

/** GET on the app's socket with a given Host header, no redirect following. */
function get(app: RunningApp, path: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(app.listening);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let app: RunningApp;
beforeAll(async () => {
  app = await start({ port: 0, env });
});
afterAll(async () => {
  await app?.close();
});

describe("examples/node-github", () => {
  it("redirects /login/github to GitHub with the client id, the registered callback and PKCE S256", async () => {
    const host = new URL(app.url).host;
    const res = await get(app, "/login/github", host);
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(location.origin + location.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe(env.GITHUB_OAUTH_CLIENT_ID);
    expect(location.searchParams.get("redirect_uri")).toBe(`${app.url}/login/github/authorized`);
    expect(app.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(location.searchParams.get("response_type")).toBe("code");
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
    // The client secret goes to the token endpoint only, never into a URL.
    expect(location.href).not.toContain(env.GITHUB_OAUTH_CLIENT_SECRET);
    const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    expect(cookies.some((c) => c.startsWith("dance-tx-github="))).toBe(true);
  });

  it("shows a Log in with GitHub link when logged out", async () => {
    const res = await get(app, "/", new URL(app.url).host);
    expect(res.status).toBe(200);
    expect(res.body).toContain('href="/login/github"');
  });

  it("sends other host names to the registered origin, so the callback finds its cookies", async () => {
    const res = await get(app, "/login/github", `127.0.0.1:${new URL(app.listening).port}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${app.url}/login/github`);
  });

  it("refuses to start without its environment, naming every missing variable", async () => {
    expect(() => configFromEnv({}, 3000)).toThrow(/GITHUB_OAUTH_CLIENT_ID[\s\S]*GITHUB_OAUTH_CLIENT_SECRET[\s\S]*DANCE_SECRET[\s\S]*http:\/\/localhost:3000\/login\/github\/authorized/);
    await expect(start({ port: 0, env: { ...env, GITHUB_OAUTH_CLIENT_SECRET: "" } })).rejects.toThrow(/GITHUB_OAUTH_CLIENT_SECRET/);
    expect(() => configFromEnv({ ...env, DANCE_SECRET: "short" }, 3000)).toThrow(/at least 32 characters/);
  });
});
