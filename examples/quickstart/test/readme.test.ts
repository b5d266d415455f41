/**
 * The root README's quick start, run as written: its `server.ts` block is saved next to the
 * repository's node_modules and started with `npx tsx server.ts` — no `--conditions=source`,
 * so the packages are loaded from their built `dist/` (which `npm install` builds) — with
 * dummy GitHub credentials. It must print the URL to open and send the browser to GitHub.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const block = /```ts\n(\/\/ server\.ts[\s\S]*?)```/.exec(readme)?.[1];
const file = fileURLToPath(new URL(`../.server-${process.pid}.ts`, import.meta.url));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill("SIGTERM");
  rmSync(file, { force: true });
});

describe("the README's quick start", () => {
  it("runs as written: prints the URL to open, and /login/github redirects to GitHub with the localhost callback", { timeout: 60_000 }, async () => {
    expect(block, "the README has a ```ts block starting with // server.ts").toBeDefined();
    for (const pkg of ["core", "providers"]) {
      expect(existsSync(`${root}packages/${pkg}/dist/index.js`), `packages/${pkg}/dist is built by npm install (the root prepare script)`).toBe(true);
    }
    // As written, but on a free port instead of 3000 (so the test never collides with a running app).
    const freePort = `import __http from "node:http";
const __listen = __http.Server.prototype.listen;
__http.Server.prototype.listen = function (this: __http.Server, ...args: unknown[]) {
  if (args[0] === 3000) args[0] = 0;
  this.once("listening", () => console.log(\`port \${(this.address() as { port: number }).port}\`));
  return __listen.apply(this, args as never);
};
`;
    writeFileSync(file, freePort + block!);
    child = spawn(`${root}node_modules/.bin/tsx`, [file], {
      cwd: root,
      env: { ...process.env, GITHUB_OAUTH_CLIENT_ID: "Iv1.readme", GITHUB_OAUTH_CLIENT_SECRET: "readme-secret", DANCE_SECRET: "readme-test-secret-0123456789abcdefghij" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no port printed:\n${out}`)), 45_000);
      child!.stdout!.on("data", () => {
        const match = /port (\d+)/.exec(out);
        if (match && out.includes("Open http://localhost:3000")) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child!.on("exit", (code) => reject(new Error(`server.ts exited (${code}):\n${out}`)));
    });
    const home = await fetch(`http://localhost:${port}/`, { redirect: "manual" });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/login/github");
    const login = await fetch(`http://localhost:${port}/login/github`, { redirect: "manual" });
    const location = new URL(login.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe("Iv1.readme");
    expect(location.searchParams.get("redirect_uri")).toBe(`http://localhost:${port}/login/github/authorized`);
  });
});
