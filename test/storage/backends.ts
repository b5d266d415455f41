/**
 * The storage backends the scenario suite runs against — each a real server or runtime:
 * a SQLite file, PostgreSQL and Redis behind a TCP proxy (so a test can take them away),
 * D1 and Cloudflare KV inside workerd (Miniflare 3, persisted to a directory so a test can
 * stop workerd and start it again on the same data).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, type LogEvent } from "kysely";
import { Miniflare } from "miniflare";
import { createStorage } from "unstorage";
import cloudflareKVBindingDriver from "unstorage/drivers/cloudflare-kv-binding";
import redisDriver from "unstorage/drivers/redis";
import { kvStorage, type KvStore } from "@dance/kv";
import { sqlStorage, type SqlStorageOptions } from "@dance/sql";
import { D1Dialect, d1Database, type D1DatabaseLike } from "@dance/sql/d1";
import { postgresDatabase } from "@dance/sql/postgres";
import { TcpProxy } from "./servers.js";
import type { Backend, Entry, Made, ScenarioStorage } from "./scenarios.js";

let counter = 0;
const unique = (prefix: string) => `${prefix}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;

/** Things to close after the file. */
export class Cleanup {
  readonly #steps: (() => unknown)[] = [];
  add(step: () => unknown): void {
    this.#steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.#steps.reverse()) await Promise.resolve(step()).catch(() => undefined);
    this.#steps.length = 0;
  }
}

async function sqlEntries(db: Kysely<any>, table: string): Promise<Entry[]> {
  const rows = await db.selectFrom(table).select(["provider", "user_id", "token"]).orderBy("provider").orderBy("user_id").execute();
  return rows.map((row) => ({ provider: String(row.provider), user: row.user_id === null ? null : String(row.user_id), raw: String(row.token) }));
}

function counting(): { log: (event: LogEvent) => void; count: () => number } {
  let n = 0;
  return {
    log: (event) => {
      if (event.level === "query" || event.level === "error") n++;
    },
    count: () => n,
  };
}

/**
 * SQLite: one file per test. In rollback-journal mode with a short busy timeout, so "the
 * database goes away" is another process holding it exclusively (reads and writes fail).
 */
export function sqliteBackend(cleanup: Cleanup): Backend {
  const dir = mkdtempSync(join(tmpdir(), "dance-sqlite-"));
  cleanup.add(() => rmSync(dir, { recursive: true, force: true }));
  const open = (file: string, log?: (event: LogEvent) => void) => {
    const database = new Database(file, { timeout: 400 });
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database }), ...(log ? { log } : {}) });
    cleanup.add(() => db.destroy());
    return db;
  };
  return {
    name: "SQLite",
    kind: "sql",
    locks: true,
    async create(options = {}): Promise<Made> {
      const file = join(dir, `${unique("t")}.db`);
      const queries = counting();
      const db = open(file, queries.log);
      const storage = sqlStorage({ db, ...(options as Partial<SqlStorageOptions>) });
      await storage.migrate();
      let holder: Database.Database | undefined;
      return {
        storage,
        queries: queries.count,
        entries: () => sqlEntries(open(file), storage.table),
        twin: async () => sqlStorage({ db: open(file), ...(options as Partial<SqlStorageOptions>) }),
        async cut() {
          holder = new Database(file);
          holder.exec("begin exclusive");
        },
        async restore() {
          holder?.exec("rollback");
          holder?.close();
        },
      };
    },
  };
}

/** PostgreSQL behind a TCP proxy; one table per test. */
export function postgresBackend(cleanup: Cleanup, url: () => string): Backend {
  let direct: Kysely<any> | undefined;
  return {
    name: "PostgreSQL",
    kind: "sql",
    locks: true,
    async create(options = {}): Promise<Made> {
      direct ??= postgresDatabase(url(), { max: 2 });
      const db0 = direct;
      cleanup.add(() => db0.destroy());
      const proxy = new TcpProxy(url());
      const proxied = await proxy.start(url());
      cleanup.add(() => proxy.close());
      const queries = counting();
      const db = postgresDatabase(proxied, { max: 5, connectionTimeoutMillis: 2000, log: queries.log });
      cleanup.add(() => db.destroy());
      const table = unique("dance_tokens");
      const storage = sqlStorage({ db, table, ...(options as Partial<SqlStorageOptions>) });
      await storage.migrate();
      cleanup.add(() => db0.schema.dropTable(`${table}_locks`).ifExists().execute().then(() => db0.schema.dropTable(table).ifExists().execute()));
      return {
        storage,
        queries: queries.count,
        entries: () => sqlEntries(db0, table),
        async twin() {
          const other = postgresDatabase(proxied, { max: 5 });
          cleanup.add(() => other.destroy());
          return sqlStorage({ db: other, table, ...(options as Partial<SqlStorageOptions>) });
        },
        async cut() {
          await proxy.cut();
        },
        async restore() {
          await proxy.restore();
        },
      };
    },
  };
}

/** A Miniflare (workerd) with a D1 database and a KV namespace, persisted so it can be stopped and started again on the same data. */
export class Workerd {
  readonly #dir = mkdtempSync(join(tmpdir(), "dance-workerd-"));
  #mf: Miniflare | undefined;
  #d1: D1DatabaseLike | undefined;
  #kv: KvBinding | undefined;

  async start(): Promise<void> {
    this.#mf = new Miniflare({
      modules: true,
      script: "export default { fetch: () => new Response('storage tests') };",
      compatibilityDate: "2025-07-18",
      cf: false,
      d1Databases: ["DB"],
      kvNamespaces: ["KV"],
      d1Persist: join(this.#dir, "d1"),
      kvPersist: join(this.#dir, "kv"),
    });
    await this.#mf.ready;
    this.#d1 = (await this.#mf.getD1Database("DB")) as unknown as D1DatabaseLike;
    this.#kv = (await this.#mf.getKVNamespace("KV")) as unknown as KvBinding;
  }

  /** workerd stops: every binding call fails. */
  async stop(): Promise<void> {
    const mf = this.#mf;
    this.#mf = undefined;
    await mf?.dispose();
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  /** The D1 binding of whichever workerd runs now (so a storage outlives a restart). */
  readonly d1: D1DatabaseLike = { prepare: (query) => this.#live(this.#d1).prepare(query) };
  /** The KV binding of whichever workerd runs now. */
  readonly kv: KvBinding = {
    get: (...args) => this.#live(this.#kv).get(...args),
    put: (...args) => this.#live(this.#kv).put(...args),
    delete: (...args) => this.#live(this.#kv).delete(...args),
    list: (...args) => this.#live(this.#kv).list(...args),
  };

  #live<T>(binding: T | undefined): T {
    if (!this.#mf || !binding) throw new Error("workerd is not running (the database went away)");
    return binding;
  }
}

interface KvBinding {
  get(key: string, ...rest: unknown[]): Promise<unknown>;
  put(key: string, value: unknown, ...rest: unknown[]): Promise<unknown>;
  delete(key: string): Promise<unknown>;
  list(options?: unknown): Promise<{ keys: { name: string }[]; list_complete: boolean; cursor?: string }>;
}

/** Cloudflare D1 in workerd; one table per test. */
export function d1Backend(workerd: Workerd): Backend {
  const db = d1Database(workerd.d1);
  return {
    name: "D1",
    kind: "sql",
    locks: true,
    async create(options = {}): Promise<Made> {
      const queries = counting();
      const logged = new Kysely<any>({ dialect: new D1Dialect(workerd.d1), log: queries.log });
      const table = unique("dance_tokens");
      const storage = sqlStorage({ db: logged, table, ...(options as Partial<SqlStorageOptions>) });
      await storage.migrate();
      return {
        storage,
        queries: queries.count,
        entries: () => sqlEntries(db, table),
        twin: async () => sqlStorage({ db: d1Database(workerd.d1), table, ...(options as Partial<SqlStorageOptions>) }),
        cut: () => workerd.stop(),
        restore: () => workerd.start(),
      };
    },
  };
}

async function kvEntries(store: KvStore & { getKeys(base: string): Promise<string[]> }, prefix: string): Promise<Entry[]> {
  const keys = await store.getKeys(prefix);
  const entries: Entry[] = [];
  for (const key of keys) {
    const [provider, kind, id] = key.slice(prefix.length + 1).split(":") as [string, string, string];
    const value = (await store.getItem(key)) as { token: unknown } | null;
    if (!value) continue;
    entries.push({
      provider: decodeURIComponent(provider),
      user: kind === "u" ? decodeURIComponent(id) : null,
      raw: typeof value.token === "string" ? value.token : JSON.stringify(value.token),
    });
  }
  return entries.sort((a, b) => a.provider.localeCompare(b.provider) || String(a.user).localeCompare(String(b.user)));
}

/** Redis behind a TCP proxy; one key prefix per test. Commands fail fast while it is away (no offline queue). */
export function redisBackend(cleanup: Cleanup, url: () => string): Backend {
  return {
    name: "Redis",
    kind: "kv",
    locks: true,
    async create(options = {}): Promise<Made> {
      const proxy = new TcpProxy(url());
      const proxied = await proxy.start(url());
      cleanup.add(() => proxy.close());
      const client = () => {
        const store = createStorage({ driver: redisDriver({ url: proxied, enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false }) });
        // ioredis reports a connection the proxy cut as an `error` event: expected here.
        (store.getMount("").driver.getInstance?.() as { on(event: string, fn: () => void): void }).on("error", () => undefined);
        cleanup.add(() => store.dispose());
        return store;
      };
      const direct = createStorage({ driver: redisDriver({ url: url() }) });
      cleanup.add(() => direct.dispose());
      const prefix = unique("dance");
      const storage = kvStorage({ storage: client(), prefix, ...options }) as unknown as ScenarioStorage;
      await waitForRedis(storage);
      return {
        storage,
        entries: () => kvEntries(direct, prefix),
        twin: async () => kvStorage({ storage: client(), prefix, ...options }) as unknown as ScenarioStorage,
        async cut() {
          await proxy.cut();
          // Let the clients see their connections go.
          await new Promise((resolve) => setTimeout(resolve, 100));
        },
        async restore() {
          await proxy.restore();
          await new Promise((resolve) => setTimeout(resolve, 1500));
        },
      };
    },
  };
}

/** ioredis connects in the background: wait until the first command goes through. */
async function waitForRedis(storage: ScenarioStorage): Promise<void> {
  const ctx = { provider: "probe", request: undefined, user: "probe", cookies: undefined as never, seal: undefined as never };
  for (let i = 0; i < 100; i++) {
    try {
      await storage.delete(ctx);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Cloudflare KV in workerd; one key prefix per test. */
export function cloudflareKvBackend(workerd: Workerd): Backend {
  const store = () => createStorage({ driver: cloudflareKVBindingDriver({ binding: workerd.kv as never }) });
  return {
    name: "Cloudflare KV",
    kind: "kv",
    locks: false,
    async create(options = {}): Promise<Made> {
      const prefix = unique("dance");
      const storage = kvStorage({ storage: store(), prefix, ...options }) as unknown as ScenarioStorage;
      return {
        storage,
        entries: () => kvEntries(store(), prefix),
        twin: async () => kvStorage({ storage: store(), prefix, ...options }) as unknown as ScenarioStorage,
        cut: () => workerd.stop(),
        restore: () => workerd.start(),
      };
    },
  };
}
