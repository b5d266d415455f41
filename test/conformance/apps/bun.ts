/**
 * The Hono conformance app under Bun: `Bun.serve` on 127.0.0.1, a free port. Run by
 * bun.test.ts as `bun --conditions=source test/conformance/apps/bun.ts`.
 */
import { honoApp } from "./hono-app.js";
import type { ConformanceEnv } from "../config.js";

declare const Bun: {
  serve(options: { hostname: string; port: number; fetch(request: Request): Response | Promise<Response> }): { hostname: string; port: number; stop(force?: boolean): Promise<void> };
};

const env: ConformanceEnv = {
  DANCE_SECRET: process.env.DANCE_SECRET ?? "",
  FAKE_ISSUER: process.env.FAKE_ISSUER ?? "",
  FAKE_CLIENT_ID: process.env.FAKE_CLIENT_ID ?? "",
  FAKE_CLIENT_SECRET: process.env.FAKE_CLIENT_SECRET ?? "",
};
const app = honoApp();
const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: (request) => app.fetch(request, env) });
console.log(`LISTENING http://${server.hostname}:${server.port}`);
process.on("SIGTERM", () => void server.stop(true).then(() => process.exit(0)));
