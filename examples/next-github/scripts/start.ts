/**
 * `npm start -w examples/next-github`: build the app (`next build`) and serve it with
 * `next start` on http://127.0.0.1:3000 (PORT).
 *
 * With GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET in the environment it logs in with
 * GitHub. Without them it starts the demo's local OpenID Provider (PROVIDER_PORT, default 3001)
 * and gives the app its issuer and client in LOCAL_*: type any name, no account anywhere.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { pickPort, startLocalProvider, type LocalProvider } from "@dance/example-local-provider";
import { buildDist } from "./dist.js";

const env = process.env;
const app = fileURLToPath(new URL("..", import.meta.url));
const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const port = await pickPort(Number(env.PORT ?? 3000));
const appUrl = `http://127.0.0.1:${port}`;

const childEnv: Record<string, string | undefined> = { ...env, NEXT_TELEMETRY_DISABLED: "1", DANCE_SECRET: env.DANCE_SECRET || randomBytes(32).toString("base64url") };
let local: LocalProvider | undefined;
if (!(env.GITHUB_OAUTH_CLIENT_ID && env.GITHUB_OAUTH_CLIENT_SECRET)) {
  local = await startLocalProvider({ appUrl, callbackPaths: ["/login/github/authorized"], port: Number(env.PROVIDER_PORT ?? 3001) });
  Object.assign(childEnv, { LOCAL_ISSUER: local.issuer, LOCAL_CLIENT_ID: local.clientId, LOCAL_CLIENT_SECRET: local.clientSecret, LOCAL_USERINFO: local.endpoints.userinfo });
}

let child: ChildProcess | undefined;
let stopping = false;
const stop = (code: number) => {
  stopping = true;
  child?.kill("SIGTERM");
  void (local?.close() ?? Promise.resolve()).then(() => process.exit(code));
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));

function run(args: string[], onLine?: (line: string) => void): Promise<number> {
  child = spawn(process.execPath, [next, ...args], { cwd: app, env: childEnv, stdio: ["ignore", "pipe", "inherit"] });
  child.stdout!.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) (onLine ?? console.log)(line);
  });
  return new Promise((resolve) => child!.once("exit", (code) => resolve(code ?? 1)));
}

console.log("Compiling the Dance packages (as published) and building the app with next build…");
await buildDist();
if ((await run(["build"])) !== 0 && !stopping) stop(1);
const exit = await run(["start", "-H", "127.0.0.1", "-p", String(port)], (line) => {
  if (!/Ready in/.test(line)) return;
  console.log(`
  Dance + Next.js + ${local ? "the local OpenID Provider (no GitHub credentials in the environment)" : "GitHub"}

  App:   ${appUrl}        ← open this${local ? `\n  OpenID Provider: ${local.issuer}  (log in with any name)` : ""}

  Ctrl-C to stop.
`);
});
if (!stopping) stop(exit);
