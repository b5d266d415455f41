/**
 * One app instance, in its own process, for the "two processes sharing PostgreSQL" test: Dance
 * with `@dance/sql` on PostgreSQL, the user from an `x-user` header. Prints `LISTENING <port>`.
 *
 *   GET /login/fake …   the dance
 *   GET /token          the stored token's access_token (what this instance sees)
 *   GET /api            session.fetch("/api/me") at the provider (refreshing when expired)
 *
 * Environment: DATABASE_URL, TABLE, ISSUER, CLIENT_ID, CLIENT_SECRET, DANCE_SECRET.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDance } from "@dance/core";
import { getSession, toNodeHandler } from "@dance/node";
import { oidc } from "@dance/providers/oidc";
import { sqlStorage } from "@dance/sql";
import { postgresDatabase } from "@dance/sql/postgres";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const storage = sqlStorage({ db: postgresDatabase(env("DATABASE_URL")), table: env("TABLE"), user: (request) => request.headers.get("x-user") });
const dance = createDance({
  secret: env("DANCE_SECRET"),
  storage,
  warn: () => {},
  providers: [oidc({ id: "fake", issuer: env("ISSUER"), clientId: env("CLIENT_ID"), clientSecret: env("CLIENT_SECRET"), refresh: true })],
});

const server = createServer(
  toNodeHandler(dance, async (req, res) => {
    const session = await getSession(dance, req, res, "fake");
    if (req.url === "/token") return void res.end(JSON.stringify({ access_token: session.token?.access_token ?? null }));
    if (req.url === "/api") {
      try {
        const answer = await session.fetch("/api/me");
        return void res.end(JSON.stringify({ status: answer.status }));
      } catch (error) {
        res.statusCode = 500;
        return void res.end(JSON.stringify({ error: String((error as { code?: string }).code ?? error) }));
      }
    }
    res.statusCode = 404;
    res.end();
  }),
);
server.listen(0, "127.0.0.1", () => console.log(`LISTENING ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
