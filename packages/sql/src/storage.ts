/**
 * `sqlStorage()`: Flask-Dance's SQLAlchemyStorage for Dance, on Kysely — SQLite, PostgreSQL and
 * Cloudflare D1 with one implementation. Tokens are sealed at rest with the Dance's secrets.
 *
 * @module
 */
import { sql, type Kysely } from "kysely";
import type { StorageContext, Token, TokenStorage } from "@dance/core";
import { checkTable, createTables, DEFAULT_TABLE, detectDialect, type SqlDialect } from "./schema.js";
import { RowLock } from "./lock.js";
import { StorageUsers, type Assignment, type UserOptions } from "@dance/core";

/**
 * A cache in front of the database: any key-value store with these three methods — an
 * [unstorage](https://unstorage.unjs.io) instance (Redis, memory, Cloudflare KV…) fits as it is.
 * It holds sealed tokens only. Share it between instances (Redis), or every instance may serve a
 * token another one replaced for up to `cacheTtl`.
 *
 * @example
 * ```ts
 * import { createStorage } from "unstorage";
 * import redisDriver from "unstorage/drivers/redis";
 * const cache: TokenCache = createStorage({ driver: redisDriver({ url: process.env.REDIS_URL }) });
 * ```
 * @see https://unstorage.unjs.io/guide
 */
export interface TokenCache {
  getItem(key: string): unknown;
  setItem(key: string, value: string, options?: { ttl?: number }): unknown;
  removeItem(key: string): unknown;
}

/**
 * A warning the storage gives (once per code by default).
 *
 * @example
 * ```ts
 * sqlStorage({ db, warn: (w) => logger.warn({ code: w.code, provider: w.provider }, w.message) });
 * ```
 * @see {@link SqlStorageOptions.warn}
 */
export interface StorageWarning {
  /** `token_unreadable`: a row could not be opened (another secret sealed it, or it was tampered with); `token_plaintext`: an unencrypted row was ignored. */
  code: "token_unreadable" | "token_plaintext";
  /** What happened and what to do. */
  message: string;
  /** The provider of the row. */
  provider: string;
}

/**
 * Options of {@link sqlStorage}.
 *
 * @example
 * ```ts
 * const options: SqlStorageOptions = { db, user: (request) => currentUserId(request), cache: redisCache };
 * ```
 * @see https://flask-dance.readthedocs.io/en/latest/storages.html#sqlalchemy
 */
export interface SqlStorageOptions extends UserOptions {
  /** The database: a Kysely instance on SQLite (better-sqlite3, D1) or PostgreSQL (pg). See `sqliteDatabase`, `postgresDatabase`, `d1Database`. */
  db: Kysely<any>;
  /** The token table. Default `dance_tokens` (and `dance_tokens_locks`). */
  table?: string | undefined;
  /** Detected from `db` when omitted. */
  dialect?: SqlDialect | undefined;
  /**
   * The user's id at the provider, stored in `provider_user_id` when a token is stored. Default:
   * the `sub` of the token's id_token (OpenID providers such as Google); for others (GitHub) call
   * `storage.assign()` in the `authorized` event. `false`: never store one. A token stored
   * without one keeps the id the row had.
   */
  providerUserId?: ((token: Token, ctx: StorageContext) => string | number | null | undefined | Promise<string | number | null | undefined>) | false | undefined;
  /** An optional cache, invalidated on every write. */
  cache?: TokenCache | undefined;
  /** Seconds a cached token is kept. Default 60. */
  cacheTtl?: number | undefined;
  /**
   * Seal tokens with the Dance's secrets (AES-256-GCM, the key derived once per secret), bound to provider and
   * user. Default true. `false` stores JSON in clear (sealed rows stay readable).
   */
  encrypt?: boolean | undefined;
  /** With `encrypt`, also read rows stored in clear (and seal them on read): for a table that was written unencrypted. Default false. */
  readPlaintext?: boolean | undefined;
  /** A lock outlives a crashed holder by this much, ms. Default 30 000. */
  lockTtl?: number | undefined;
  /** How long to wait for a lock, ms. Default 35 000 (past `lockTtl`, so a crashed holder's lock is taken over). */
  lockWait?: number | undefined;
  /** Receives warnings; default `console.warn`, once per code. */
  warn?: ((warning: StorageWarning) => void) | undefined;
}

/**
 * A linked provider account: a row of the token table without its token.
 *
 * @example
 * ```ts
 * const account: LinkedAccount | null = await tokens.findAccount("github", 583231);
 * ```
 * @see {@link SqlStorage.findAccount}
 */
export interface LinkedAccount {
  provider: string;
  /** The local user, or null for a token kept without a user. */
  userId: string | null;
  /** The user's id at the provider, when known. */
  providerUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface TokenRow {
  id: number | string;
  token: string;
}


/**
 * The `sub` of an id_token, without verifying it again (Dance verified it when it arrived).
 *
 * @example
 * ```ts
 * idTokenSubject(token); // "1094…" (the `sub` of token.id_token), or undefined
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export function idTokenSubject(token: Token): string | undefined {
  if (typeof token.id_token !== "string") return undefined;
  const payload = token.id_token.split(".")[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const sub = (JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { sub?: unknown }).sub;
    return typeof sub === "string" && sub !== "" ? sub : undefined;
  } catch {
    return undefined;
  }
}

function isToken(value: unknown): value is Token {
  return typeof value === "object" && value !== null && typeof (value as Token).access_token === "string" && (value as Token).access_token !== "";
}

/**
 * The seal purpose of a row: provider and user are bound in, so a row copied to another user does not open.
 *
 * @example
 * ```ts
 * await createSealBox(secret).open(tokenPurpose(row.provider, row.user_id), row.token);
 * ```
 * @see {@link readTokens}
 */
export function tokenPurpose(provider: string, userId: string | null | undefined): string {
  return `token:${provider}:${userId ?? ""}`;
}

/**
 * Token storage in a SQL table (see {@link sqlStorage}). Beyond `TokenStorage`: `assign` (whose
 * token a callback stores), `findAccount` / `accountsOf` (the accounts recipe), `migrate`.
 * @example
 * ```ts
 * const tokens: SqlStorage = sqlStorage({ db });
 * await tokens.accountsOf(42);
 * ```
 * @see https://flask-dance.readthedocs.io/en/latest/storages.html#sqlalchemy
 */
export class SqlStorage implements TokenStorage {
  /** Tokens are kept by provider and user: `dance.tokenFor()` works. */
  readonly userKeyed = true;
  /** The Kysely instance. */
  readonly db: Kysely<any>;
  /** The token table. */
  readonly table: string;
  /** The dialect in use. */
  readonly dialect: SqlDialect;
  readonly #users: StorageUsers;
  readonly #options: SqlStorageOptions;
  readonly #lock: RowLock;
  readonly #held = new Map<string, number>();
  readonly #warned = new Set<string>();

  constructor(options: SqlStorageOptions) {
    if (!options || typeof options !== "object" || !options.db || typeof (options.db as Kysely<any>).selectFrom !== "function") {
      throw new TypeError("sqlStorage() needs `db`: a Kysely instance (see sqliteDatabase(), postgresDatabase(), d1Database()).");
    }
    if (options.providerUserId !== undefined && options.providerUserId !== false && typeof options.providerUserId !== "function") {
      throw new TypeError("`providerUserId` must be a function of the token, or false.");
    }
    if (options.cache !== undefined && (typeof options.cache?.getItem !== "function" || typeof options.cache.setItem !== "function" || typeof options.cache.removeItem !== "function")) {
      throw new TypeError("`cache` must have getItem, setItem and removeItem (an unstorage instance fits).");
    }
    this.#options = { ...options };
    this.db = options.db;
    this.table = checkTable(options.table ?? DEFAULT_TABLE);
    this.dialect = options.dialect ?? detectDialect(options.db);
    this.#users = new StorageUsers(options);
    this.#lock = new RowLock(this.db, this.table, { ttl: options.lockTtl ?? 30_000, wait: options.lockWait ?? 35_000 });
  }

  /** Whether tokens need a user (`userRequired`, resolved). */
  get userRequired(): boolean {
    return this.#users.required;
  }

  /**
   * Create the token and lock tables if they do not exist.
   *
   * @example
   * ```ts
   * const tokens = sqlStorage({ db });
   * await tokens.migrate();
   * ```
   */
  migrate(): Promise<void> {
    return createTables(this.db, { table: this.table, dialect: this.dialect });
  }

  /**
   * In the `authorized` event (or any request), decide whose token of `provider` this request
   * stores: `userId` wins over the `user` resolvers, and `providerUserId` is stored with it. The
   * accounts recipe: find or create the local user by provider user id, then assign.
   *
   * @example
   * ```ts
   * dance.on("authorized", async ({ provider, request, session }) => {
   *   const gh = await (await session.fetch("/user")).json();
   *   const userId = (await tokens.findAccount(provider, gh.id))?.userId ?? (await users.create(gh.login));
   *   tokens.assign(request, provider, { userId, providerUserId: gh.id });
   * });
   * ```
   */
  assign(request: Request, provider: string, assignment: Assignment): void {
    this.#users.assign(request, provider, assignment);
  }

  /**
   * The local user a provider account is linked to (`provider_user_id`), or null.
   *
   * @example
   * ```ts
   * const linked = await tokens.findAccount("github", 583231);
   * if (linked?.userId) signIn(linked.userId);
   * ```
   */
  async findAccount(provider: string, providerUserId: string | number): Promise<LinkedAccount | null> {
    const row = await this.db
      .selectFrom(this.table)
      .select(["provider", "user_id", "provider_user_id", "created_at", "updated_at"])
      .where("provider", "=", provider)
      .where("provider_user_id", "=", String(providerUserId))
      .executeTakeFirst();
    return row ? this.#account(row) : null;
  }

  /**
   * The provider accounts linked to a local user.
   *
   * @example
   * ```ts
   * const providers = (await tokens.accountsOf(user.id)).map((a) => a.provider); // ["github", "google"]
   * ```
   */
  async accountsOf(userId: string | number): Promise<LinkedAccount[]> {
    const rows = await this.db
      .selectFrom(this.table)
      .select(["provider", "user_id", "provider_user_id", "created_at", "updated_at"])
      .where("user_id", "=", String(userId))
      .orderBy("provider")
      .execute();
    return rows.map((row) => this.#account(row));
  }

  #account(row: Record<string, unknown>): LinkedAccount {
    return {
      provider: String(row.provider),
      userId: row.user_id === null ? null : String(row.user_id),
      providerUserId: row.provider_user_id === null ? null : String(row.provider_user_id),
      createdAt: new Date(row.created_at as string | Date),
      updatedAt: new Date(row.updated_at as string | Date),
    };
  }

  async get(ctx: StorageContext): Promise<Token | null> {
    const userId = await this.#users.id(ctx);
    // Anonymous visitors have no tokens when a user is required (a guard then sends them to log in).
    if (userId === undefined && this.#users.required) return null;
    const cache = this.#options.cache;
    const cacheKey = this.#cacheKey(ctx.provider, userId);
    // Under the lock (a refresh), read the database itself: the cache may lag behind another instance.
    const authoritative = this.#held.has(this.#lockKey(ctx.provider, userId));
    if (cache && !authoritative) {
      const hit = await cache.getItem(cacheKey);
      if (typeof hit === "string" && hit !== "") {
        const opened = await this.#open(ctx.provider, userId, hit, ctx);
        if (opened && !opened.rewrite) return opened.token;
      }
    }
    const row = (await this.db
      .selectFrom(this.table)
      .select(["id", "token"])
      .where("provider", "=", ctx.provider)
      .where(sql<string>`coalesce(user_id, '')`, "=", userId ?? "")
      .executeTakeFirst()) as TokenRow | undefined;
    if (!row) return null;
    const opened = await this.#open(ctx.provider, userId, row.token, ctx);
    if (!opened) return null;
    let stored = row.token;
    if (opened.rewrite) {
      // Sealed with an older secret (or stored in clear): seal it with the newest, unless someone replaced it meanwhile.
      const fresh = await this.#seal(ctx, userId, opened.token);
      await this.db.updateTable(this.table).set({ token: fresh, updated_at: this.#now() }).where("id", "=", row.id).where("token", "=", row.token).execute();
      stored = fresh;
    }
    if (cache) await cache.setItem(cacheKey, stored, { ttl: this.#options.cacheTtl ?? 60 });
    return opened.token;
  }

  async set(ctx: StorageContext, token: Token): Promise<void> {
    const userId = await this.#users.idForWrite(ctx);
    const providerUserId = await this.#providerUserId(ctx, token);
    const value = await this.#seal(ctx, userId, token);
    const now = this.#now();
    const table = sql.table(this.table);
    await sql`insert into ${table} (provider, provider_user_id, user_id, token, created_at, updated_at)
values (${ctx.provider}, ${providerUserId ?? null}, ${userId ?? null}, ${value}, ${now}, ${now})
on conflict (provider, coalesce(user_id, '')) do update set
  token = excluded.token,
  updated_at = excluded.updated_at,
  provider_user_id = coalesce(excluded.provider_user_id, ${sql.ref(`${this.table}.provider_user_id`)})`.execute(this.db);
    await this.#options.cache?.removeItem(this.#cacheKey(ctx.provider, userId));
  }

  async delete(ctx: StorageContext): Promise<void> {
    const userId = await this.#users.id(ctx);
    // An anonymous visitor has nothing stored when a user is required: nothing to delete.
    if (userId === undefined && this.#users.required) return;
    await this.db
      .deleteFrom(this.table)
      .where("provider", "=", ctx.provider)
      .where(sql<string>`coalesce(user_id, '')`, "=", userId ?? "")
      .execute();
    await this.#options.cache?.removeItem(this.#cacheKey(ctx.provider, userId));
  }

  /**
   * Run `fn` holding the lock of this provider and user's token — a row in `{table}_locks`, so
   * every process sharing the database takes turns (Dance refreshes under it). The holder keeps
   * the row alive while `fn` runs; a crashed holder's row expires after `lockTtl`.
   */
  async withLock<T>(ctx: StorageContext, fn: () => Promise<T>): Promise<T> {
    const key = this.#lockKey(ctx.provider, await this.#users.id(ctx));
    return this.#lock.run(key, async () => {
      this.#held.set(key, (this.#held.get(key) ?? 0) + 1);
      try {
        return await fn();
      } finally {
        const left = this.#held.get(key)! - 1;
        if (left === 0) this.#held.delete(key);
        else this.#held.set(key, left);
      }
    });
  }

  #lockKey(provider: string, userId: string | undefined): string {
    return `${provider}:${userId ?? ""}`;
  }

  #cacheKey(provider: string, userId: string | undefined): string {
    return `dance:${this.table}:${encodeURIComponent(provider)}:${encodeURIComponent(userId ?? "")}`;
  }

  #now(): Date | string {
    const now = new Date();
    return this.dialect === "postgres" ? now : now.toISOString();
  }

  async #providerUserId(ctx: StorageContext, token: Token): Promise<string | undefined> {
    const assigned = this.#users.assignment(ctx)?.providerUserId;
    if (assigned !== undefined && assigned !== null && assigned !== "") return String(assigned);
    const resolver = this.#options.providerUserId;
    if (resolver === false) return undefined;
    const found = resolver ? await resolver(token, ctx) : idTokenSubject(token);
    return found === undefined || found === null || found === "" ? undefined : String(found);
  }

  async #seal(ctx: StorageContext, userId: string | undefined, token: Token): Promise<string> {
    if (this.#options.encrypt === false) return JSON.stringify(token);
    return ctx.seal.seal(tokenPurpose(ctx.provider, userId), token);
  }

  /** Open a stored value; null (and a warning) when it cannot be. `rewrite`: seal it again with the newest secret. */
  async #open(provider: string, userId: string | undefined, value: string, ctx: StorageContext): Promise<{ token: Token; rewrite: boolean } | null> {
    const encrypt = this.#options.encrypt !== false;
    if (ctx.seal.isSealed(value)) {
      const opened = await ctx.seal.open<Token>(tokenPurpose(provider, userId), value);
      if (opened && isToken(opened.value)) return { token: { ...opened.value }, rewrite: encrypt ? opened.stale : true };
      this.#warn({
        code: "token_unreadable",
        provider,
        message: `A stored ${provider} token could not be opened: none of the configured secrets sealed it (or it was changed). It is treated as absent; the next login replaces it. Keep the old secret in the secret map while rotating: { 2: "new…", 1: "old…" }.`,
      });
      return null;
    }
    if (encrypt && !this.#options.readPlaintext) {
      this.#warn({
        code: "token_plaintext",
        provider,
        message: `A stored ${provider} token is not encrypted and is ignored. Set \`readPlaintext: true\` to read (and encrypt) rows written without encryption.`,
      });
      return null;
    }
    try {
      const parsed: unknown = JSON.parse(value);
      if (isToken(parsed)) return { token: parsed, rewrite: encrypt };
    } catch {
      // Not JSON: treated as absent below.
    }
    this.#warn({ code: "token_unreadable", provider, message: `A stored ${provider} token is not valid JSON; it is treated as absent.` });
    return null;
  }

  #warn(warning: StorageWarning): void {
    if (this.#options.warn) return this.#options.warn(warning);
    if (this.#warned.has(warning.code)) return;
    this.#warned.add(warning.code);
    console.warn(`[dance/sql] ${warning.message}`);
  }
}

/**
 * Token storage in a SQL table — Flask-Dance's SQLAlchemyStorage for Dance: one row per provider
 * and user (`provider`, `provider_user_id`, `user_id`, `token`, `created_at`, `updated_at`),
 * tokens sealed with the Dance's secrets, an optional cache, and a lock row so refreshes across
 * instances never spend a refresh token twice. SQLite (embedded), PostgreSQL and Cloudflare D1.
 *
 * @example
 * ```ts
 * import { createDance } from "@dance/core";
 * import { github } from "@dance/providers/github";
 * import { sqlStorage } from "@dance/sql";
 * import { sqliteDatabase } from "@dance/sql/sqlite";
 *
 * const tokens = sqlStorage({ db: sqliteDatabase("app.db"), user: (request) => currentUserId(request) });
 * await tokens.migrate();
 * const dance = createDance({ secret: process.env.DANCE_SECRET, providers: [github()], storage: tokens });
 * ```
 * @see https://flask-dance.readthedocs.io/en/latest/storages.html#sqlalchemy
 */
export function sqlStorage(options: SqlStorageOptions): SqlStorage {
  return new SqlStorage(options);
}
