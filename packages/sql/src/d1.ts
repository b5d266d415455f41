/**
 * `@dance/sql/d1`: Cloudflare D1 as a Kysely database — a small dialect over the D1 binding
 * (SQLite's query compiler; every statement is a `prepare().bind().all()`). D1 has no
 * interactive transactions, and `@dance/sql` needs none: every write is one statement.
 *
 * @example
 * ```ts
 * import { sqlStorage } from "@dance/sql";
 * import { d1Database } from "@dance/sql/d1";
 *
 * const dance = createDance((env: Env) => ({
 *   secret: env.DANCE_SECRET,
 *   providers: [github()],
 *   storage: sqlStorage({ db: d1Database(env.DB), user: (request) => userIdOf(request) }),
 * }));
 * ```
 * @see https://developers.cloudflare.com/d1/worker-api/
 * @module
 */
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from "kysely";

/**
 * The part of a D1 prepared statement this dialect uses.
 *
 * @example
 * ```ts
 * const statement: D1PreparedStatementLike = env.DB.prepare("select 1");
 * ```
 * @see https://developers.cloudflare.com/d1/worker-api/
 */
export interface D1PreparedStatementLike {
  bind(...values: unknown[]): D1PreparedStatementLike;
  all<T = Record<string, unknown>>(): Promise<{ results?: T[]; success?: boolean; error?: string; meta?: { changes?: number; last_row_id?: number | null } }>;
}

/**
 * The part of Cloudflare's `D1Database` binding this dialect uses (so no type package is needed).
 *
 * @example
 * ```ts
 * interface Env { DB: D1DatabaseLike }
 * ```
 * @see https://developers.cloudflare.com/d1/worker-api/
 */
export interface D1DatabaseLike {
  prepare(query: string): D1PreparedStatementLike;
}

/** D1 binds `undefined` as an error and has no booleans: what SQLite would store. */
function d1Value(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return value;
}

class D1Connection implements DatabaseConnection {
  readonly #db: D1DatabaseLike;
  constructor(db: D1DatabaseLike) {
    this.#db = db;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#db
      .prepare(query.sql)
      .bind(...query.parameters.map(d1Value))
      .all<R>();
    if (result.error) throw new Error(result.error);
    const changes = result.meta?.changes;
    const lastRowId = result.meta?.last_row_id;
    return {
      rows: result.results ?? [],
      ...(typeof changes === "number" ? { numAffectedRows: BigInt(changes) } : {}),
      ...(typeof lastRowId === "number" ? { insertId: BigInt(lastRowId) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("D1 does not stream query results.");
  }
}

class D1Driver implements Driver {
  readonly #connection: D1Connection;
  constructor(db: D1DatabaseLike) {
    this.#connection = new D1Connection(db);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error("D1 has no interactive transactions; use db.batch() through the binding.");
  }
  async commitTransaction(): Promise<void> {
    throw new Error("D1 has no interactive transactions.");
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error("D1 has no interactive transactions.");
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * The Kysely dialect of a D1 binding.
 *
 * @example
 * ```ts
 * const db = new Kysely<MyTables>({ dialect: new D1Dialect(env.DB) });
 * ```
 * @see https://kysely.dev/docs/dialects
 */
export class D1Dialect implements Dialect {
  readonly #db: D1DatabaseLike;
  constructor(db: D1DatabaseLike) {
    if (!db || typeof db.prepare !== "function") throw new TypeError("D1Dialect needs a D1 binding (env.DB), got none.");
    this.#db = db;
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.#db);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/**
 * A Kysely database over a D1 binding, for `sqlStorage({ db })`.
 *
 * @example
 * ```ts
 * const tokens = sqlStorage({ db: d1Database(env.DB) });
 * await tokens.migrate(); // once, or run schemaSql("sqlite") through `wrangler d1 migrations`
 * ```
 * @see https://developers.cloudflare.com/d1/worker-api/
 */
export function d1Database<DB = any>(binding: D1DatabaseLike): Kysely<DB> {
  return new Kysely<DB>({ dialect: new D1Dialect(binding) });
}
