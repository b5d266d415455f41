/**
 * `npm start -w examples/workers-github`: the Worker in workerd (Miniflare 3, what `wrangler dev`
 * runs) on http://127.0.0.1:8787 (PORT).
 *
 * With GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET in the environment it logs in with
 * GitHub. Without them it starts the demo's local OpenID Provider (PROVIDER_PORT, default 3001)
 * and hands its issuer and client to the Worker as bindings: type any name, no account anywhere.
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";
import { pickPort, startLocalProvider, type LocalProvider } from "@dance/example-local-provider";

const env = process.env;
const port = await pickPort(Number(env.PORT ?? 8787));
const appUrl = `http://127.0.0.1:${port}`;
let local: LocalProvider | undefined;
let bindings: Record<string, string> = { DANCE_SECRET: env.DANCE_SECRET || randomBytes(32).toString("base64url") };
if (env.GITHUB_OAUTH_CLIENT_ID && env.GITHUB_OAUTH_CLIENT_SECRET) {
  bindings = { ...bindings, GITHUB_OAUTH_CLIENT_ID: env.GITHUB_OAUTH_CLIENT_ID, GITHUB_OAUTH_CLIENT_SECRET: env.GITHUB_OAUTH_CLIENT_SECRET };
} else {
  local = await startLocalProvider({ appUrl, callbackPaths: ["/login/github/authorized"], port: Number(env.PROVIDER_PORT ?? 3001) });
  bindings = { ...bindings, LOCAL_ISSUER: local.issuer, LOCAL_CLIENT_ID: local.clientId, LOCAL_CLIENT_SECRET: local.clientSecret, LOCAL_USERINFO: local.endpoints.userinfo };
}

// Bundle as wrangler does (esbuild, the workerd conditions), from the workspace packages' TypeScript sources.
const bundle = await esbuild.build({
  entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  conditions: ["source", "workerd", "worker", "browser"],
  mainFields: ["browser", "module", "main"],
});
const mf = new Miniflare({
  modules: true,
  script: bundle.outputFiles[0]!.text,
  compatibilityDate: "2025-07-18", // as wrangler.toml; no nodejs_compat
  cf: false,
  host: "127.0.0.1",
  port,
  bindings,
});
await mf.ready;
console.log(`
  Dance + Cloudflare Workers + ${local ? "the local OpenID Provider (no GitHub credentials in the environment)" : "GitHub"}

  App:   ${appUrl}        ← open this (workerd, through Miniflare)${local ? `\n  OpenID Provider: ${local.issuer}  (log in with any name)` : ""}

  Ctrl-C to stop.
`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void Promise.all([mf.dispose(), local?.close()]).then(() => process.exit(0)));
}
