/**
 * `npm start -w examples/hono-google`: the app on http://127.0.0.1:3000 (PORT).
 *
 * With GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET (and DANCE_SECRET) in the
 * environment it logs in with Google, at http://localhost:PORT (BASE_URL). Without them it
 * starts the demo's local OpenID Provider (PROVIDER_PORT, default 3001) and logs in there:
 * type any name, no account anywhere.
 */
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import { oidc } from "@dance/providers/oidc";
import { google } from "@dance/providers/google";
import { pickPort, startLocalProvider, type LocalProvider } from "@dance/example-local-provider";
import { createApp, type AppConfig } from "./app.js";

const env = process.env;
const port = await pickPort(Number(env.PORT ?? 3000));
let local: LocalProvider | undefined;
let config: AppConfig;
if (env.GOOGLE_OAUTH_CLIENT_ID && env.GOOGLE_OAUTH_CLIENT_SECRET) {
  if (!env.DANCE_SECRET || env.DANCE_SECRET.length < 32) {
    console.error("Set DANCE_SECRET to ≥ 32 random characters, e.g. DANCE_SECRET=$(openssl rand -base64 32).");
    process.exit(1);
  }
  config = {
    secret: env.DANCE_SECRET,
    baseUrl: env.BASE_URL || `http://localhost:${port}`,
    provider: google({ scope: ["openid", "email", "profile"] }), // reads GOOGLE_OAUTH_CLIENT_ID / _SECRET
    userinfoUrl: "https://www.googleapis.com/oauth2/v3/userinfo",
    providerName: "Google",
  };
} else {
  const appUrl = `http://127.0.0.1:${port}`;
  local = await startLocalProvider({ appUrl, callbackPaths: ["/login/google/authorized"], port: Number(env.PROVIDER_PORT ?? 3001) });
  config = {
    secret: env.DANCE_SECRET || randomBytes(32).toString("base64url"),
    baseUrl: appUrl,
    provider: oidc({ id: "google", name: "Local OpenID Provider", issuer: local.issuer, clientId: local.clientId, clientSecret: local.clientSecret }),
    userinfoUrl: local.endpoints.userinfo,
    providerName: "the local OpenID Provider",
  };
}

const { app } = createApp(config);
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port });
console.log(`
  Dance + Hono + ${local ? "the local OpenID Provider (no Google credentials in the environment)" : "Google"}

  App:   ${config.baseUrl}        ← open this${local ? `\n  OpenID Provider: ${local.issuer}  (log in with any name)` : ""}

  Ctrl-C to stop.
`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void (local?.close() ?? Promise.resolve()).then(() => process.exit(0));
  });
}
