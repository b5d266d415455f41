/**
 * `@dance/sql/postgres`: PostgreSQL through `pg` (node-postgres) for production.
 *
 * @example
 * ```ts
 * import { sqlStorage } from "@dance/sql";
 * import { postgresDatabase } from "@dance/sql/postgres";
 *
 * const tokens = sqlStorage({ db: postgresDatabase(process.env.DATABASE_URL!), user: (request) => currentUserId(request) });
 * await tokens.migrate();
 * ```
 * @module
 */
import pg from "pg";
import { Kysely, PostgresDialect, type KyselyConfig } from "kysely";

/**
 * Options of {@link postgresDatabase}.
 *
 * @example
 * ```ts
 * postgresDatabase(process.env.DATABASE_URL!, { max: 20, connectionTimeoutMillis: 2000 });
 * ```
 * @see https://node-postgres.com/apis/pool
 */
export interface PostgresDatabaseOptions {
  /** Connections in the pool. Default 10. */
  max?: number;
  /** Give up connecting after this long, ms. Default 5000 (a database that went away fails fast instead of hanging the request). */
  connectionTimeoutMillis?: number;
  /** Kysely's `log` (e.g. to count queries in tests). */
  log?: KyselyConfig["log"];
}

/**
 * A Kysely database on a PostgreSQL connection string or `pg` pool config. The pool's `error`
 * events (a connection the server closed) are absorbed: the next query reconnects, or fails
 * into Dance's `storage_failed`.
 *
 * @example
 * ```ts
 * const db = postgresDatabase("postgres://dance@127.0.0.1:5432/app", { max: 20 });
 * ```
 * @see https://node-postgres.com/apis/pool
 */
export function postgresDatabase<DB = any>(connection: string | pg.PoolConfig, options: PostgresDatabaseOptions = {}): Kysely<DB> {
  const config: pg.PoolConfig = typeof connection === "string" ? { connectionString: connection } : { ...connection };
  const pool = new pg.Pool({ max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000, ...config });
  // A server that goes away makes its clients emit `error`. The pool listens only while a client
  // is idle; a checked-out client (mid-query) would crash the process without its own listener.
  // The query itself still fails with the error (→ storage_failed), and the pool drops the
  // broken client when it is released.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => void client.on("error", () => undefined));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
}
