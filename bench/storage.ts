/**
 * Token read and write latency per storage: `storage.set()` and `storage.get()` as Dance calls
 * them (sealing and opening included), one at a time, 10 000 of each, median and p99 — for
 * MemoryStorage, `@dance/kv` on unstorage's memory driver, `@dance/sql` on a SQLite file and on
 * PostgreSQL, and `@dance/kv` on Redis. PostgreSQL and Redis are the servers named by
 * DANCE_TEST_POSTGRES_URL / DANCE_TEST_REDIS_URL, or throwaway ones started here (127.0.0.1).
 *
 * Run: `npm run bench` (after the others) or `tsx --conditions=source bench/storage.ts`.
 * Knob: BENCH_STORAGE_N (default 10 000 operations of each kind, at most 50 000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createStorage } from "unstorage";
import redisDriver from "unstorage/drivers/redis";
import { createSealBox, MemoryStorage, type StorageContext, type Token, type TokenStorage } from "@dance/core";
import { kvStorage } from "@dance/kv";
import { sqlStorage } from "@dance/sql";
import { postgresDatabase } from "@dance/sql/postgres";
import { sqliteDatabase } from "@dance/sql/sqlite";
import { postgres, redis } from "../test/storage/servers.js";

const N = Math.min(Number(process.env.BENCH_STORAGE_N) || 10_000, 50_000);
const USERS = 100;
const seal = createSealBox("bench-secret-bench-secret-bench-secret-0123456789");
const contexts: StorageContext[] = Array.from({ length: USERS }, (_, i) => ({ provider: "github", request: undefined, user: `user-${i}`, cookies: undefined as never, seal }));
const token = (i: number): Token => ({
  access_token: `ghu_${String(i).padStart(8, "0")}${"a".repeat(28)}`,
  token_type: "bearer",
  refresh_token: `ghr_${String(i).padStart(8, "0")}${"b".repeat(68)}`,
  expires_at: Math.floor(Date.now() / 1000) + 28_800,
  scope: "read:user",
});

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(n: number, op: (i: number) => Promise<unknown>): Promise<{ median: number; p99: number }> {
  for (let i = 0; i < Math.min(500, n); i++) await op(i); // warm-up
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await op(i);
    samples[i] = performance.now() - start;
  }
  samples.sort();
  return { median: percentile(samples, 50), p99: percentile(samples, 99) };
}

interface Row {
  name: string;
  write: { median: number; p99: number };
  read: { median: number; p99: number };
}

async function bench(name: string, storage: TokenStorage): Promise<Row> {
  const write = await time(N, (i) => storage.set(contexts[i % USERS]!, token(i)));
  const read = await time(N, async (i) => {
    const found = await storage.get(contexts[i % USERS]!);
    if (!found) throw new Error(`${name}: a stored token was not found`);
  });
  return { name, write, read };
}

const ms = (value: number) => value.toFixed(3).padStart(9);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dance-bench-"));
  const [pg, rd] = await Promise.all([postgres(), redis()]);
  const rows: Row[] = [];
  try {
    console.log(`\nToken storage latency: ${N} writes, then ${N} reads, one at a time, over ${USERS} users (ms per operation; sealing and opening included)\n`);
    rows.push(await bench("MemoryStorage (core)", new MemoryStorage()));
    rows.push(await bench("@dance/kv, unstorage memory", kvStorage({ storage: createStorage() })));

    const sqlite = sqliteDatabase(join(dir, "bench.db"));
    const onSqlite = sqlStorage({ db: sqlite });
    await onSqlite.migrate();
    rows.push(await bench("@dance/sql, SQLite file (WAL)", onSqlite));
    await sqlite.destroy();

    const pgDb = postgresDatabase(pg.url);
    const table = `dance_bench_${process.pid}`;
    const onPostgres = sqlStorage({ db: pgDb, table });
    await onPostgres.migrate();
    try {
      rows.push(await bench("@dance/sql, PostgreSQL", onPostgres));
    } finally {
      await pgDb.schema.dropTable(`${table}_locks`).ifExists().execute();
      await pgDb.schema.dropTable(table).ifExists().execute();
      await pgDb.destroy();
    }

    const redisStore = createStorage({ driver: redisDriver({ url: rd.url }) });
    const prefix = `dance-bench-${process.pid}`;
    try {
      rows.push(await bench("@dance/kv, Redis", kvStorage({ storage: redisStore, prefix })));
    } finally {
      await redisStore.clear(prefix);
      await redisStore.dispose();
    }

    console.log(`${"storage".padEnd(32)} ${"write p50".padStart(9)} ${"write p99".padStart(9)} ${"read p50".padStart(9)} ${"read p99".padStart(9)}`);
    for (const row of rows) console.log(`${row.name.padEnd(32)} ${ms(row.write.median)} ${ms(row.write.p99)} ${ms(row.read.median)} ${ms(row.read.p99)}`);
    console.log(`\nPostgreSQL: ${pg.url.replace(/\/\/[^@]*@/, "//")}, Redis: ${rd.url}; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await Promise.all([pg.close(), rd.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
