/**
 * `npm start -w examples/hono-sqlite-accounts`: the accounts example on 127.0.0.1.
 * Environment: PORT (default 3000), PROVIDER_PORT (3001), DATABASE (accounts.db), DANCE_SECRET
 * (default: random per start), GITHUB_OAUTH_CLIENT_ID/_SECRET and GOOGLE_OAUTH_CLIENT_ID/_SECRET
 * (without them the local OpenID Provider stands in).
 */
import { startAccountsExample } from "./start.js";

const port = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const example = await startAccountsExample({ port: port("PORT", 3000), providerPort: port("PROVIDER_PORT", 3001), database: process.env.DATABASE || "accounts.db" });

console.log(`
  Dance — local accounts with GitHub and Google (Hono + SQLite)

  App:      ${example.url}
  ${example.providerUrl ? `Provider: ${example.providerUrl}  (local OpenID Provider standing in: log in with any name)` : "Providers: GitHub and Google (credentials from the environment)"}
  Database: ${process.env.DATABASE || "accounts.db"}${process.env.DANCE_SECRET ? "" : "\n  DANCE_SECRET is not set: a random secret per start (stored tokens stay unreadable after a restart)."}

  Listening on 127.0.0.1 only. Ctrl-C to stop.
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void example.close().then(() => process.exit(0)));
}
