/**
 * A Worker that keeps tokens in D1 (`@dance/sql/d1`) under `/sql/*` and in Workers KV
 * (`@dance/kv` on unstorage's cloudflare-kv-binding driver) under `/kv/*`: the storages as they
 * run in production, bundled and run in workerd without nodejs_compat. The user is the
 * `x-user` header.
 *
 *   GET /{sql,kv}/fake …          the dance
 *   GET /{sql,kv}/token           { access_token, refreshed } — session.fetch refreshes an expired token
 *   GET /runtime                  what the runtime has (process, Buffer)
 */
import { createDance, type Dance } from "@dance/core";
import { oidc } from "@dance/providers/oidc";
import { kvStorage } from "@dance/kv";
import { sqlStorage } from "@dance/sql";
import { d1Database, type D1DatabaseLike } from "@dance/sql/d1";
import { createStorage } from "unstorage";
import cloudflareKVBindingDriver from "unstorage/drivers/cloudflare-kv-binding";

interface Env {
  DB: D1DatabaseLike;
  KV: Parameters<typeof cloudflareKVBindingDriver>[0]["binding"];
  ISSUER: string;
  CLIENT_ID: string;
  CLIENT_SECRET: string;
  DANCE_SECRET: string;
}

const user = (request: Request) => request.headers.get("x-user");
let dances: Promise<{ sql: Dance; kv: Dance }> | undefined;

function build(env: Env): Promise<{ sql: Dance; kv: Dance }> {
  const provider = oidc({ id: "fake", issuer: env.ISSUER, clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET, refresh: true });
  const tokens = sqlStorage({ db: d1Database(env.DB), user });
  const kv = kvStorage({ storage: createStorage({ driver: cloudflareKVBindingDriver({ binding: env.KV }) }), user });
  return tokens.migrate().then(() => ({
    sql: createDance({ secret: env.DANCE_SECRET, basePath: "/sql", providers: [provider], storage: tokens }),
    kv: createDance({ secret: env.DANCE_SECRET, basePath: "/kv", providers: [provider], storage: kv }),
  }));
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/runtime") return Response.json({ process: typeof (globalThis as { process?: unknown }).process, buffer: typeof (globalThis as { Buffer?: unknown }).Buffer });
    const all = await (dances ??= build(env));
    const dance = pathname.startsWith("/kv/") ? all.kv : all.sql;
    if (dance.matches(request) && !pathname.endsWith("/token")) return dance.handler(request);
    if (pathname.endsWith("/token")) {
      const session = await dance.session(request, "fake");
      const before = session.token?.access_token ?? null;
      if (before) await session.fetch("/api/me");
      return dance.commit(request, Response.json({ access_token: session.token?.access_token ?? null, refreshed: before !== session.token?.access_token }));
    }
    return new Response("not found", { status: 404 });
  },
};
