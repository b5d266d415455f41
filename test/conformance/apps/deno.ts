/**
 * The Hono conformance app under Deno: `Deno.serve` on 127.0.0.1, a free port. Run by
 * deno.test.ts as `deno run --conditions=source … test/conformance/apps/deno.ts`; the workspace
 * packages and hono resolve from the repository's node_modules, with no download.
 */
import { honoApp } from "./hono-app.js";
import type { ConformanceEnv } from "../config.js";

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(options: { hostname: string; port: number; onListen(address: { hostname: string; port: number }): void }, handler: (request: Request) => Response | Promise<Response>): { shutdown(): Promise<void> };
  addSignalListener(signal: "SIGTERM", listener: () => void): void;
  exit(code: number): never;
};

// One env object for the process: createDance((env) => config) builds a configuration per env object.
const env: ConformanceEnv = {
  DANCE_SECRET: Deno.env.get("DANCE_SECRET") ?? "",
  FAKE_ISSUER: Deno.env.get("FAKE_ISSUER") ?? "",
  FAKE_CLIENT_ID: Deno.env.get("FAKE_CLIENT_ID") ?? "",
  FAKE_CLIENT_SECRET: Deno.env.get("FAKE_CLIENT_SECRET") ?? "",
};
const app = honoApp();
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen: ({ hostname, port }) => console.log(`LISTENING http://${hostname}:${port}`) },
  (request) => app.fetch(request, env),
);
Deno.addSignalListener("SIGTERM", () => void server.shutdown().then(() => Deno.exit(0)));
