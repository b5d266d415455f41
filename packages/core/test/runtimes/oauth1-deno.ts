/** The runtime app under `Deno.serve` on 127.0.0.1; prints `LISTENING <url>` once it listens. */
import { handle, type AppEnv } from "./oauth1-app.js";

/** The part of Deno's global this file uses (Node's type-check of the repository does not know Deno). */
declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(
    options: { hostname: string; port: number; onListen(address: { hostname: string; port: number }): void },
    handler: (request: Request) => Response | Promise<Response>,
  ): { shutdown(): Promise<void> };
  addSignalListener(signal: "SIGTERM", handler: () => void): void;
};

// One env object for the life of the process: Dance builds its configuration once per env object.
const env = Deno.env.toObject() as unknown as AppEnv;
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen: ({ hostname, port }) => console.log(`LISTENING http://${hostname}:${port}`) },
  (request) => handle(request, env),
);
Deno.addSignalListener("SIGTERM", () => void server.shutdown());
