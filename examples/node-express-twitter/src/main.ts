/**
 * `npm start -w examples/node-express-twitter`: "Sign in with Twitter" on http://127.0.0.1:3000.
 * Environment (all optional): TWITTER_OAUTH_CLIENT_KEY / TWITTER_OAUTH_CLIENT_SECRET (without
 * them: the local OAuth 1.0a provider), DANCE_SECRET, PORT (default 3000), BASE_URL.
 */
import { start } from "./app.js";

const port = process.env.PORT ? Number(process.env.PORT) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}

const app = await start({ port, env: process.env }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log(
  app.mode === "local"
    ? `Dance + Twitter (local OAuth 1.0a provider at ${app.local!.url}; set TWITTER_OAUTH_CLIENT_KEY/_SECRET for X): open ${app.url}. Ctrl-C to stop.`
    : `Dance + Twitter: open ${app.url}. Ctrl-C to stop.`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
