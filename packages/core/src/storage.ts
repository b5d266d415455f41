/**
 * Token storages and the per-request cookie jar they write to.
 *
 * @module
 */
import { parseCookieHeader, serializeCookie, type CookieOptions } from "./cookies.js";
import type { OpenResult, Sealer } from "./seal.js";
import type { CookieJar, StorageContext, Token, TokenStorage } from "./types.js";

/** Cookies are split so each `Set-Cookie` stays below 4096 bytes, attributes included. */
const CHUNK_VALUE_BYTES = 3800;
const MAX_CHUNKS = 24;

/**
 * The cookie jar of one request: reads the `Cookie` header lazily, queues `Set-Cookie`
 * values (the last write of a name wins), and seals/opens/chunks values.
 * @internal
 */
export class RequestCookieJar implements CookieJar {
  readonly secure: boolean;
  readonly #header: string | null;
  #parsed: Map<string, string> | undefined;
  readonly #queued = new Map<string, { value: string | null; header: string }>();
  readonly #sealer: Sealer;

  constructor(header: string | null, sealer: Sealer, secure: boolean) {
    this.#header = header;
    this.#sealer = sealer;
    this.secure = secure;
  }

  /** The physical name: `__Host-` prefixed on https. */
  #name(name: string): string {
    return this.secure ? `__Host-${name}` : name;
  }

  #requestCookies(): Map<string, string> {
    return (this.#parsed ??= parseCookieHeader(this.#header));
  }

  get(name: string): string | undefined {
    const physical = this.#name(name);
    const queued = this.#queued.get(physical);
    if (queued) return queued.value ?? undefined;
    return this.#requestCookies().get(physical);
  }

  #options(options: CookieOptions | undefined): CookieOptions {
    const merged: CookieOptions = { httpOnly: true, sameSite: "Lax", ...options, secure: this.secure, path: "/" };
    // Browsers drop SameSite=None without Secure: on plain-http development fall back to Lax.
    if (merged.sameSite === "None" && !this.secure) merged.sameSite = "Lax";
    return merged;
  }

  set(name: string, value: string, options?: CookieOptions): void {
    const physical = this.#name(name);
    this.#queued.set(physical, { value, header: serializeCookie(physical, value, this.#options(options)) });
  }

  delete(name: string, options?: CookieOptions): void {
    const physical = this.#name(name);
    const inRequest = this.#requestCookies().has(physical);
    const queued = this.#queued.get(physical);
    if (!inRequest && (!queued || queued.value === null)) {
      if (queued) this.#queued.delete(physical);
      return;
    }
    this.#queued.set(physical, { value: null, header: serializeCookie(physical, "", { ...this.#options(options), maxAge: 0 }) });
  }

  async setSealed(name: string, purpose: string, value: unknown, maxAgeSeconds: number, cookie?: CookieOptions): Promise<void> {
    const sealed = await this.#sealer.seal(purpose, value, maxAgeSeconds);
    const options: CookieOptions = { ...cookie, maxAge: maxAgeSeconds };
    if (sealed.length <= CHUNK_VALUE_BYTES) {
      this.set(name, sealed, options);
      this.#deleteChunks(name, 0);
      return;
    }
    const count = Math.ceil(sealed.length / CHUNK_VALUE_BYTES);
    if (count > MAX_CHUNKS) throw new RangeError(`sealed value too large for cookies (${sealed.length} bytes)`);
    for (let i = 0; i < count; i++) {
      this.set(`${name}.${i}`, sealed.slice(i * CHUNK_VALUE_BYTES, (i + 1) * CHUNK_VALUE_BYTES), options);
    }
    this.delete(name);
    this.#deleteChunks(name, count);
  }

  #deleteChunks(name: string, from: number): void {
    for (let i = from; i < MAX_CHUNKS; i++) {
      if (this.get(`${name}.${i}`) === undefined) break;
      this.delete(`${name}.${i}`);
    }
  }

  #readRaw(name: string): string | undefined {
    const whole = this.get(name);
    if (whole !== undefined) return whole;
    let joined = "";
    for (let i = 0; i < MAX_CHUNKS; i++) {
      const part = this.get(`${name}.${i}`);
      if (part === undefined) break;
      joined += part;
    }
    return joined === "" ? undefined : joined;
  }

  async getSealed<T>(name: string, purpose: string): Promise<{ value: T; stale: boolean } | null> {
    const opened = await this.openSealed<T>(name, purpose);
    return opened?.ok ? { value: opened.value, stale: opened.stale } : null;
  }

  /** Like getSealed, but tells an expired seal apart from an absent (null) or forged one. @internal */
  async openSealed<T>(name: string, purpose: string): Promise<OpenResult<T> | null> {
    const raw = this.#readRaw(name);
    return raw === undefined ? null : this.#sealer.open<T>(purpose, raw);
  }

  deleteSealed(name: string): void {
    this.delete(name);
    this.#deleteChunks(name, 0);
  }

  get pending(): readonly string[] {
    const out: string[] = [];
    for (const entry of this.#queued.values()) out.push(entry.header);
    return out;
  }
}

/** Options of {@link cookieStorage}. */
export interface CookieStorageOptions {
  /** Cookie lifetime (and seal lifetime) in seconds. Default 30 days. */
  maxAge?: number;
  /** Cookie name for a provider; `__Host-` is prefixed on https. Default `dance-{provider}`. */
  name?: (provider: string) => string;
}

function isToken(value: unknown): value is Token {
  return typeof value === "object" && value !== null && typeof (value as Token).access_token === "string" && (value as Token).access_token !== "";
}

/**
 * The default storage: the token sealed (iron, AES-256-CBC + HMAC-SHA256) into an HttpOnly,
 * SameSite=Lax cookie per provider, chunked below 4096 bytes per cookie. A cookie sealed with
 * an older secret is re-sealed with the newest one when read.
 *
 * @example
 * ```ts
 * createDance({ secret, providers, storage: cookieStorage({ maxAge: 7 * 24 * 3600 }) })
 * ```
 */
export function cookieStorage(options: CookieStorageOptions = {}): TokenStorage {
  const maxAge = options.maxAge ?? 30 * 24 * 3600;
  const nameOf = options.name ?? ((provider: string) => `dance-${provider}`);
  return Object.freeze({
    async get(ctx: StorageContext): Promise<Token | null> {
      const opened = await ctx.cookies.getSealed<unknown>(nameOf(ctx.provider), `token:${ctx.provider}`);
      if (!opened || !isToken(opened.value)) return null;
      if (opened.stale) await ctx.cookies.setSealed(nameOf(ctx.provider), `token:${ctx.provider}`, opened.value, maxAge);
      return opened.value;
    },
    async set(ctx: StorageContext, token: Token): Promise<void> {
      await ctx.cookies.setSealed(nameOf(ctx.provider), `token:${ctx.provider}`, token, maxAge);
    },
    async delete(ctx: StorageContext): Promise<void> {
      ctx.cookies.deleteSealed(nameOf(ctx.provider));
    },
  });
}

/**
 * Tokens in process memory, per provider and user: for tests and single-process scripts
 * (Flask-Dance's MemoryStorage). Everything is lost on restart.
 */
export class MemoryStorage implements TokenStorage {
  readonly #tokens = new Map<string, Token>();
  #key(ctx: StorageContext): string {
    return `${ctx.provider}\u0000${ctx.user === undefined || ctx.user === null ? "" : String(ctx.user)}`;
  }
  async get(ctx: StorageContext): Promise<Token | null> {
    const found = this.#tokens.get(this.#key(ctx));
    return found ? structuredClone(found) : null;
  }
  async set(ctx: StorageContext, token: Token): Promise<void> {
    this.#tokens.set(this.#key(ctx), structuredClone(token));
  }
  async delete(ctx: StorageContext): Promise<void> {
    this.#tokens.delete(this.#key(ctx));
  }
  /** Every stored token, keyed `provider` or `provider:user`. For assertions in tests. */
  entries(): Map<string, Token> {
    const out = new Map<string, Token>();
    for (const [key, token] of this.#tokens) out.set(key.replace("\u0000", ":").replace(/:$/, ""), structuredClone(token));
    return out;
  }
}

/** Stores nothing and finds nothing (Flask-Dance's NullStorage): every session is unauthorized. */
export class NullStorage implements TokenStorage {
  async get(): Promise<Token | null> {
    return null;
  }
  async set(): Promise<void> {}
  async delete(): Promise<void> {}
}
