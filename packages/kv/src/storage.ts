/**
 * `kvStorage()`: tokens in a key-value store through unstorage — one layer for Redis, Cloudflare
 * KV, memory, the filesystem and the rest of unstorage's drivers.
 *
 * @module
 */
import type { StorageContext, Token, TokenStorage } from "@dance/core";
import { memoryLock, redisLock, type KvLock, type RedisLike } from "./lock.js";
import { StorageUsers, type Assignment, type UserOptions } from "@dance/core";

/**
 * The part of an unstorage `Storage` this storage uses (`createStorage()` returns one).
 *
 * @example
 * ```ts
 * import { createStorage } from "unstorage";
 * const store: KvStore = createStorage();
 * ```
 * @see https://unstorage.unjs.io/guide
 */
export interface KvStore {
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: any, options?: { ttl?: number }): Promise<void>;
  removeItem(key: string): Promise<void>;
  /** unstorage's mount lookup: used to find the driver (a Redis client for the lock). */
  getMount?(key?: string): { base: string; driver: { name?: string; getInstance?: () => unknown } };
}

/**
 * A warning the storage gives (once per code by default).
 *
 * @example
 * ```ts
 * kvStorage({ storage, warn: (w) => logger.warn({ code: w.code }, w.message) });
 * ```
 * @see {@link KvStorageOptions.warn}
 */
export interface KvStorageWarning {
  /** `token_unreadable`: an entry could not be opened (another secret sealed it, or it was changed); `token_plaintext`: an unencrypted entry was ignored. */
  code: "token_unreadable" | "token_plaintext";
  /** What happened and what to do. */
  message: string;
  /** The provider of the entry. */
  provider: string;
}

/**
 * Options of {@link kvStorage}.
 *
 * @example
 * ```ts
 * const options: KvStorageOptions = { storage: createStorage({ driver: redisDriver({ url }) }), user: (request) => currentUserId(request) };
 * ```
 * @see https://unstorage.unjs.io/drivers
 */
export interface KvStorageOptions extends UserOptions {
  /** The key-value store: an unstorage instance. */
  storage: KvStore;
  /** Key prefix. Default `dance:token`. Keys: `{prefix}:{provider}:u:{user id}` or `{prefix}:{provider}:s:{sha-256 of the session id}`. */
  prefix?: string | undefined;
  /** The cookie holding an anonymous visitor's random session id. Default `dance-sid` (`__Host-dance-sid` on https). */
  sessionCookie?: string | undefined;
  /**
   * How long an entry is kept when the token does not say (it has a refresh token, or no
   * expiry), seconds; also the session cookie's lifetime. Default 30 days. A token without a
   * refresh token is kept until its `expires_at` (TTL where the driver has one, checked on read
   * everywhere).
   */
  maxAge?: number | undefined;
  /** Seal tokens with the Dance's secrets, bound to provider and user. Default true; `false` stores JSON. */
  encrypt?: boolean | undefined;
  /** With `encrypt`, also read entries stored in clear (and seal them on read). Default false. */
  readPlaintext?: boolean | undefined;
  /**
   * The lock refreshes run under (`withLock`). Default: a Redis lock on the client of unstorage's
   * `redis` driver, an in-process lock for the `memory` driver, and none for the others
   * (Cloudflare KV cannot lock: it is eventually consistent). `false`: none.
   */
  lock?: KvLock | false | undefined;
  /** Receives warnings; default `console.warn`, once per code. */
  warn?: ((warning: KvStorageWarning) => void) | undefined;
}

/** What is stored under a key. */
interface Entry {
  /** The sealed token (a string), or the token itself with `encrypt: false`. */
  token: string | Token;
  /** When the entry expires, ms since the epoch. */
  exp: number;
}

const enc = encodeURIComponent;

function isToken(value: unknown): value is Token {
  return typeof value === "object" && value !== null && typeof (value as Token).access_token === "string" && (value as Token).access_token !== "";
}

async function sha256(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The lock unstorage's driver allows: Redis, memory, or none. */
function defaultLock(store: KvStore, prefix: string): KvLock | undefined {
  const driver = store.getMount?.(prefix)?.driver;
  if (driver?.name === "redis" && typeof driver.getInstance === "function") return redisLock(driver.getInstance() as RedisLike);
  if (driver?.name === "memory") return memoryLock();
  return undefined;
}

/** Where a context's token lives. */
interface Slot {
  key: string;
  purpose: string;
}

/**
 * Token storage in a key-value store (see {@link kvStorage}). `withLock` exists only when the
 * store can lock.
 * @example
 * ```ts
 * const tokens: KvStorage = kvStorage({ storage: createStorage() });
 * tokens.withLock; // present: the memory driver locks in-process
 * ```
 * @see https://unstorage.unjs.io/drivers
 */
export class KvStorage implements TokenStorage {
  /** Tokens are kept by provider and user (or session): `dance.tokenFor()` works for users. */
  readonly userKeyed = true;
  readonly #store: KvStore;
  readonly #options: KvStorageOptions;
  readonly #users: StorageUsers;
  readonly #prefix: string;
  readonly #maxAge: number;
  readonly #warned = new Set<string>();
  /** The lock in use, or undefined when the store cannot lock. */
  readonly lock: KvLock | undefined;

  constructor(options: KvStorageOptions) {
    const store = options?.storage;
    if (!store || typeof store.getItem !== "function" || typeof store.setItem !== "function" || typeof store.removeItem !== "function") {
      throw new TypeError("kvStorage() needs `storage`: an unstorage instance (createStorage({ driver })).");
    }
    this.#store = store;
    this.#options = { ...options };
    this.#users = new StorageUsers(options);
    this.#prefix = (options.prefix ?? "dance:token").replace(/:+$/, "");
    this.#maxAge = options.maxAge ?? 30 * 24 * 3600;
    if (!(this.#maxAge > 0)) throw new TypeError("`maxAge` must be a positive number of seconds.");
    this.lock = options.lock === false ? undefined : (options.lock ?? defaultLock(store, this.#prefix));
    if (this.lock) {
      const lock = this.lock;
      // Only a storage that can lock has `withLock` (Dance then refreshes under it).
      Object.defineProperty(this, "withLock", {
        value: async <T>(ctx: StorageContext, fn: () => Promise<T>): Promise<T> => {
          const slot = await this.#slot(ctx, false);
          return lock.run(slot ? slot.key : `${this.#prefix}:${enc(ctx.provider)}:anonymous`, fn);
        },
      });
    }
  }

  /** Present when the store can lock (Redis, memory); see {@link KvStorageOptions.lock}. */
  declare readonly withLock?: <T>(ctx: StorageContext, fn: () => Promise<T>) => Promise<T>;

  /**
   * In a request, decide whose token of `provider` it stores (wins over the `user` resolvers).
   *
   * @example
   * ```ts
   * dance.on("authorized", ({ provider, request }) => tokens.assign(request, provider, { userId: signedIn.id }));
   * ```
   */
  assign(request: Request, provider: string, assignment: Assignment): void {
    this.#users.assign(request, provider, assignment);
  }

  /** The key of a context: by user, else by the browser's session id (created for a write). */
  async #slot(ctx: StorageContext, create: boolean): Promise<Slot | undefined> {
    const provider = enc(ctx.provider);
    const userId = create ? await this.#users.idForWrite(ctx) : await this.#users.id(ctx);
    if (userId !== undefined) return { key: `${this.#prefix}:${provider}:u:${enc(userId)}`, purpose: `token:${ctx.provider}:u:${userId}` };
    if (this.#users.required) return undefined;
    const cookie = this.#options.sessionCookie ?? "dance-sid";
    let sid = ctx.cookies.get(cookie);
    if (!sid || !/^[A-Za-z0-9_-]{43}$/.test(sid)) {
      if (!create) return undefined;
      sid = randomId();
    }
    // Refresh the cookie with every write, so it lives as long as the newest token.
    if (create) ctx.cookies.set(cookie, sid, { maxAge: this.#maxAge });
    const hashed = await sha256(sid);
    return { key: `${this.#prefix}:${provider}:s:${hashed}`, purpose: `token:${ctx.provider}:s:${hashed}` };
  }

  async get(ctx: StorageContext): Promise<Token | null> {
    const slot = await this.#slot(ctx, false);
    if (!slot) return null;
    const entry = (await this.#store.getItem(slot.key)) as Entry | null;
    if (!entry || typeof entry !== "object") return null;
    if (typeof entry.exp === "number" && entry.exp <= Date.now()) {
      await this.#store.removeItem(slot.key);
      return null;
    }
    const opened = await this.#open(ctx, slot, entry.token);
    if (!opened) return null;
    if (opened.rewrite) await this.#write(ctx, slot, opened.token);
    return opened.token;
  }

  async set(ctx: StorageContext, token: Token): Promise<void> {
    const slot = (await this.#slot(ctx, true))!;
    await this.#write(ctx, slot, token);
  }

  async delete(ctx: StorageContext): Promise<void> {
    const slot = await this.#slot(ctx, false);
    if (slot) await this.#store.removeItem(slot.key);
  }

  async #write(ctx: StorageContext, slot: Slot, token: Token): Promise<void> {
    const now = Date.now();
    const expiresAt = typeof token.expires_at === "number" && !token.refresh_token ? token.expires_at * 1000 : now + this.#maxAge * 1000;
    const exp = Math.max(expiresAt, now + 60_000);
    const value: Entry = { token: this.#options.encrypt === false ? token : await ctx.seal.seal(slot.purpose, token), exp };
    // Cloudflare KV's shortest TTL is 60 s; the expiry is also checked on read, for drivers without TTL.
    await this.#store.setItem(slot.key, value, { ttl: Math.max(60, Math.ceil((exp - now) / 1000)) });
  }

  async #open(ctx: StorageContext, slot: Slot, value: unknown): Promise<{ token: Token; rewrite: boolean } | null> {
    const encrypt = this.#options.encrypt !== false;
    if (typeof value === "string" && ctx.seal.isSealed(value)) {
      const opened = await ctx.seal.open<Token>(slot.purpose, value);
      if (opened && isToken(opened.value)) return { token: { ...opened.value }, rewrite: encrypt ? opened.stale : true };
      this.#warn({
        code: "token_unreadable",
        provider: ctx.provider,
        message: `A stored ${ctx.provider} token could not be opened: none of the configured secrets sealed it (or it was changed). It is treated as absent; the next login replaces it. Keep the old secret in the secret map while rotating: { 2: "new…", 1: "old…" }.`,
      });
      return null;
    }
    if (isToken(value)) {
      if (!encrypt || this.#options.readPlaintext) return { token: { ...value }, rewrite: encrypt };
      this.#warn({
        code: "token_plaintext",
        provider: ctx.provider,
        message: `A stored ${ctx.provider} token is not encrypted and is ignored. Set \`readPlaintext: true\` to read (and encrypt) entries written without encryption.`,
      });
      return null;
    }
    this.#warn({ code: "token_unreadable", provider: ctx.provider, message: `A stored ${ctx.provider} entry is not a token; it is treated as absent.` });
    return null;
  }

  #warn(warning: KvStorageWarning): void {
    if (this.#options.warn) return this.#options.warn(warning);
    if (this.#warned.has(warning.code)) return;
    this.#warned.add(warning.code);
    console.warn(`[dance/kv] ${warning.message}`);
  }
}

/**
 * Token storage on any unstorage driver: Redis, Cloudflare KV, memory, the filesystem, … Keys are
 * per provider and user (`user`/`userId`, as in `@dance/sql`), or — for anonymous visitors — per
 * browser, through a random session id in an HttpOnly cookie. Entries expire with the token
 * (a TTL where the driver has one). Tokens are sealed with the Dance's secrets. Refreshes are
 * locked on Redis (`SET NX PX`); Cloudflare KV cannot lock.
 *
 * @example
 * ```ts
 * import { createStorage } from "unstorage";
 * import redisDriver from "unstorage/drivers/redis";
 * import { kvStorage } from "@dance/kv";
 *
 * const dance = createDance({
 *   secret: process.env.DANCE_SECRET,
 *   providers: [github()],
 *   storage: kvStorage({ storage: createStorage({ driver: redisDriver({ url: process.env.REDIS_URL }) }), user: (request) => currentUserId(request) }),
 * });
 * ```
 * @see https://unstorage.unjs.io/drivers
 */
export function kvStorage(options: KvStorageOptions): KvStorage {
  return new KvStorage(options);
}
