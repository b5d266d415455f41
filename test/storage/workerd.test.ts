/**
 * The storages inside a real Worker: `@dance/sql` on D1 and `@dance/kv` on Workers KV, bundled
 * with esbuild (the workspace packages from source) and run by workerd (Miniflare 3) without
 * nodejs_compat. A login stores the token, a later request reads it, an expired token is
 * refreshed and stored again — all on the bindings.
 */
import { Miniflare } from "miniflare";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, startFakeProvider, type FakeProvider } from "@dance/testing";
import { bundleWorker, COMPATIBILITY_DATE } from "../conformance/workerd.js";
import { SECRET } from "./scenarios.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
let fake: FakeProvider;
let mf: Miniflare;
let app: string;
/** What workerd printed (kept out of the test output; shown when an assertion fails). */
let runtimeLog = "";

beforeAll(async () => {
  // Tokens that live 30 s: inside Dance's 60 s leeway, so every use refreshes (and the provider rotates refresh tokens).
  fake = await startFakeProvider({ expiresIn: 30 });
  const script = await bundleWorker(`${root}test/storage/worker/worker.ts`);
  expect(script).not.toMatch(/from\s*["']node:/);
  mf = new Miniflare({
    handleRuntimeStdio(stdout, stderr) {
      stdout.on("data", (chunk: Buffer) => (runtimeLog += chunk.toString("utf8")));
      stderr.on("data", (chunk: Buffer) => (runtimeLog += chunk.toString("utf8")));
    },
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    cf: false,
    host: "127.0.0.1",
    port: 0,
    d1Databases: ["DB"],
    kvNamespaces: ["KV"],
    bindings: { ISSUER: fake.issuer, CLIENT_ID: fake.clientId, CLIENT_SECRET: fake.clientSecret, DANCE_SECRET: SECRET },
  });
  app = (await mf.ready).origin;
});

afterAll(async () => {
  await mf?.dispose();
  await fake?.close();
});

describe("in workerd, without nodejs_compat", () => {
  it("the Worker runs without process or Buffer", async () => {
    expect(await (await fetch(`${app}/runtime`)).json()).toEqual({ process: "undefined", buffer: "undefined" });
  });

  for (const store of ["sql", "kv"] as const) {
    it(`${store === "sql" ? "D1" : "Workers KV"}: a login stores the token sealed, the next request reads it, an expired one is refreshed and stored`, async () => {
      const browser = createBrowser({ headers: { "x-user": "ada" } });
      const start = await browser.get(`${app}/${store}/fake`);
      expect(start.status).toBe(302);
      const done = await browser.follow(await browser.follow(start));
      expect({ status: done.status, location: done.headers.get("location") }, runtimeLog).toEqual({ status: 302, location: "/" });
      const read = async (user: string) => (await (await fetch(`${app}/${store}/token`, { headers: { "x-user": user } })).json()) as { access_token: string | null; refreshed: boolean };
      fake.reset();
      const first = await read("ada");
      expect(first.access_token).toMatch(/^at-/);
      expect(first.refreshed).toBe(true);
      expect((await read("bob")).access_token).toBeNull();
      // The refreshed token was stored: the next refresh spends the rotated refresh token (a reused one would be refused).
      const second = await read("ada");
      expect(second.refreshed).toBe(true);
      const spent = fake.tokenRequests.map((r) => [r.form.get("grant_type"), r.form.get("refresh_token")]);
      expect(spent).toHaveLength(2);
      expect(spent.every(([grant]) => grant === "refresh_token")).toBe(true);
      expect(spent[0]![1]).not.toBe(spent[1]![1]);
      // At rest: sealed, not the token.
      if (store === "sql") {
        const db = (await mf.getD1Database("DB")) as unknown as { prepare(q: string): { all<T>(): Promise<{ results: T[] }> } };
        const rows = (await db.prepare("select user_id, token from dance_tokens").all<{ user_id: string; token: string }>()).results;
        expect(rows.map((r) => r.user_id)).toEqual(["ada"]);
        expect(rows[0]!.token).toMatch(/^d1\.1\./);
        expect(rows[0]!.token).not.toContain(second.access_token!);
      } else {
        const kv = (await mf.getKVNamespace("KV")) as unknown as { list(): Promise<{ keys: { name: string }[] }>; get(key: string): Promise<string | null> };
        const keys = (await kv.list()).keys.map((k) => k.name);
        expect(keys).toEqual(["dance:token:fake:u:ada"]);
        expect(await kv.get(keys[0]!)).toMatch(/"token":"d1\.1\./);
        expect(await kv.get(keys[0]!)).not.toContain(second.access_token!);
      }
    });
  }
});
