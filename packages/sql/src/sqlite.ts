/**
 * `@dance/sql/sqlite`: the embedded default — a SQLite file through `better-sqlite3` (12.x on
 * Node 20), in WAL mode with a busy timeout, so several processes can share one file (the lock
 * row then coordinates their refreshes).
 *
 * @example
 * ```ts
 * import { sqlStorage } from "@dance/sql";
 * import { sqliteDatabase } from "@dance/sql/sqlite";
 *
 * const tokens = sqlStorage({ db: sqliteDatabase("data/app.db") });
 * await tokens.migrate();
 * ```
 * @module
 */
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, type KyselyConfig } from "kysely";

/**
 * Options of {@link sqliteDatabase}.
 *
 * @example
 * ```ts
 * sqliteDatabase("app.db", { busyTimeout: 10_000 });
 * ```
 * @see https://www.sqlite.org/pragma.html#pragma_busy_timeout
 */
export interface SqliteDatabaseOptions {
  /** How long a write waits for another process's write to finish, ms. Default 5000. */
  busyTimeout?: number;
  /** Kysely's `log` (e.g. to count queries in tests). */
  log?: KyselyConfig["log"];
}

/**
 * A Kysely database on a SQLite file (`":memory:"` for a throwaway one), with
 * `journal_mode=WAL`, `busy_timeout` and `synchronous=NORMAL`.
 *
 * @example
 * ```ts
 * const db = sqliteDatabase("tokens.db", { busyTimeout: 10_000 });
 * ```
 * @see https://www.sqlite.org/wal.html
 */
export function sqliteDatabase<DB = any>(filename: string, options: SqliteDatabaseOptions = {}): Kysely<DB> {
  const database = new Database(filename, { timeout: options.busyTimeout ?? 5000 });
  if (filename !== ":memory:") database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  return new Kysely<DB>({ dialect: new SqliteDialect({ database }), ...(options.log ? { log: options.log } : {}) });
}
