/**
 * `npm run demo`: start the OpenID Provider and the app on 127.0.0.1 and print where they are.
 * Environment: PORT (app, default 3000), PROVIDER_PORT (default 3001), DANCE_SECRET (default: random per start).
 */
import { startDemo } from "./demo.js";

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0–65535), got ${JSON.stringify(raw)}.`);
    process.exit(1);
  }
  return port;
}

const secret = process.env.DANCE_SECRET || undefined;
if (secret !== undefined && secret.length < 32) {
  console.error("DANCE_SECRET must be at least 32 characters (try: openssl rand -base64 32), or unset for a random one.");
  process.exit(1);
}

const demo = await startDemo({ port: portFrom("PORT", 3000), providerPort: portFrom("PROVIDER_PORT", 3001), secret });

console.log(`
  Dance demo

  App:                ${demo.url}        ← open this, click "Log in", type any name
  OpenID Provider:    ${demo.providerUrl}  (oidc-provider, in this process, in memory)

  Everything listens on 127.0.0.1 only. Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
