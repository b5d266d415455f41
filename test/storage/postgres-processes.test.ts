/**
 * Two app processes (real child processes) sharing one PostgreSQL: each sees the tokens the
 * other stored, and 100 concurrent requests with an expired token across both refresh it once
 * against a provider that rotates refresh tokens and refuses a reused one — no token lost.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createSealBox, type StorageContext } from "@dance/core";
import { sqlStorage, type SqlStorage } from "@dance/sql";
import { postgresDatabase } from "@dance/sql/postgres";
import { createBrowser, startFakeProvider, type FakeProvider } from "@dance/testing";
import { SECRET } from "./scenarios.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const table = `dance_tokens_procs_${process.pid}`;
let fake: FakeProvider;
let storage: SqlStorage;
const children: ChildProcess[] = [];

/** Start one app process; resolves to its origin. */
function startApp(): Promise<string> {
  const child = spawn(`${root}node_modules/.bin/tsx`, ["--conditions=source", `${root}test/storage/app-process.ts`], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: inject("postgresUrl"), TABLE: table, ISSUER: fake.issuer, CLIENT_ID: fake.clientId, CLIENT_SECRET: fake.clientSecret, DANCE_SECRET: SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /LISTENING (\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the app process exited (${code}): ${output}`)));
  });
}

beforeAll(async () => {
  fake = await startFakeProvider();
  storage = sqlStorage({ db: postgresDatabase(inject("postgresUrl")), table });
  await storage.migrate();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await storage?.db.schema.dropTable(`${table}_locks`).ifExists().execute();
  await storage?.db.schema.dropTable(table).ifExists().execute();
  await storage?.db.destroy();
  await fake?.close();
});

it("two processes share the tokens, and refresh an expired one once for 100 concurrent requests", async () => {
  const [one, two] = await Promise.all([startApp(), startApp()]);
  const alice = { "x-user": "alice" };
  const browser = createBrowser({ headers: alice });
  // Log in through the first process.
  const start = await browser.get(`${one}/login/fake`);
  const callback = await browser.follow(start);
  const done = await browser.follow(callback);
  expect({ status: done.status, location: done.headers.get("location") }).toEqual({ status: 302, location: "/" });

  // The second process sees the token the first one stored.
  const seen = await Promise.all([one, two].map(async (app) => ((await (await fetch(`${app}/token`, { headers: alice })).json()) as { access_token: string }).access_token));
  expect(seen[0]).toMatch(/^at-/);
  expect(seen[1]).toBe(seen[0]);

  // The token expires (as stored: sealed with the app's secret, for alice).
  const ctx: StorageContext = { provider: "fake", request: undefined, user: "alice", cookies: undefined as never, seal: createSealBox(SECRET) };
  const stored = (await storage.get(ctx))!;
  await storage.set(ctx, { ...stored, expires_at: Math.floor(Date.now() / 1000) - 10 });
  fake.reset();

  const answers = await Promise.all(
    [one, two].flatMap((app) => Array.from({ length: 50 }, async () => (await (await fetch(`${app}/api`, { headers: alice })).json()) as { status: number })),
  );
  expect(answers).toEqual(Array.from({ length: 100 }, () => ({ status: 200 })));
  const refreshes = fake.tokenRequests.filter((r) => r.form.get("grant_type") === "refresh_token");
  expect(refreshes).toHaveLength(1);
  expect(refreshes[0]!.form.get("refresh_token")).toBe(stored.refresh_token);
  const fresh = (await storage.get(ctx))!;
  expect(fresh.refresh_token).not.toBe(stored.refresh_token);
  expect(new Set(fake.requestsTo("/api/me").map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${fresh.access_token}`]));
  expect(await storage.db.selectFrom(table).select("user_id").execute()).toEqual([{ user_id: "alice" }]);
});
