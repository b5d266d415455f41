/**
 * `npm start -w examples/node-github`: "Log in with GitHub" on http://localhost:3000.
 * Environment: GITHUB_OAUTH_CLIENT_ID, GITHUB_OAUTH_CLIENT_SECRET, DANCE_SECRET (required);
 * PORT (default 3000); BASE_URL (default http://localhost:PORT: the origin of the callback URL registered at GitHub).
 */
import { start } from "./app.js";

const port = process.env.PORT ? Number(process.env.PORT) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}

const app = await start({ port, env: process.env }).catch((error: unknown) => {
  // A missing variable: one clear message naming what to set, no stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log(`Dance + GitHub: open ${app.url} (listening on ${app.listening}). Ctrl-C to stop.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
