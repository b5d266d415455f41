/**
 * Token storages: sealed cookies (the default), memory and null.
 *
 * @module
 */
import { RequestCookieJar } from "./cookie-jar.js";
import type { StorageContext, Token, TokenStorage } from "./types.js";

function sealedJar(ctx: StorageContext): RequestCookieJar {
  if (!(ctx.cookies instanceof RequestCookieJar)) throw new TypeError("cookieStorage() keeps tokens in Dance's own cookie jar; give it the StorageContext Dance passed in.");
  return ctx.cookies;
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
 * The default storage: the token sealed (AES-256-GCM, `d1.…`, see `seal.ts`) into an HttpOnly,
 * SameSite=Lax cookie per provider, chunked below 4096 bytes per cookie. A cookie sealed with
 * an older secret is re-sealed with the newest one when read.
 *
 * @example
 * ```ts
 * createDance({ secret, providers, storage: cookieStorage({ maxAge: 7 * 24 * 3600 }) })
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6265 (cookies)
 */
export function cookieStorage(options: CookieStorageOptions = {}): TokenStorage {
  const maxAge = options.maxAge ?? 30 * 24 * 3600;
  const nameOf = options.name ?? ((provider: string) => `dance-${provider}`);
  return Object.freeze({
    async get(ctx: StorageContext): Promise<Token | null> {
      const jar = sealedJar(ctx);
      const opened = await jar.openSealed<unknown>(nameOf(ctx.provider), `token:${ctx.provider}`);
      if (!opened?.ok || !isToken(opened.value)) return null;
      if (opened.stale) await jar.setSealed(nameOf(ctx.provider), `token:${ctx.provider}`, opened.value, maxAge);
      return opened.value;
    },
    async set(ctx: StorageContext, token: Token): Promise<void> {
      await sealedJar(ctx).setSealed(nameOf(ctx.provider), `token:${ctx.provider}`, token, maxAge);
    },
    async delete(ctx: StorageContext): Promise<void> {
      sealedJar(ctx).deleteSealed(nameOf(ctx.provider));
    },
  });
}

/**
 * Tokens in process memory, per provider and user: for tests and single-process scripts
 * (Flask-Dance's MemoryStorage). Everything is lost on restart.
 *
 * @example
 * ```ts
 * const storage = new MemoryStorage();
 * const dance = createDance({ secret, providers: [github()], storage });
 * // … after a login:
 * storage.entries().get("github")?.access_token;
 * ```
 */
export class MemoryStorage implements TokenStorage {
  readonly #tokens = new Map<string, Token>();
  readonly #locks = new Map<string, Promise<unknown>>();
  /** Tokens are kept by provider and user: `dance.tokenFor()` works. */
  readonly userKeyed = true;
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
  /** One holder at a time per provider and user, in this process (what every instance sharing this object sees). */
  async withLock<T>(ctx: StorageContext, fn: () => Promise<T>): Promise<T> {
    const key = this.#key(ctx);
    const before = this.#locks.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#locks.set(key, settled);
    settled.then(() => this.#locks.get(key) === settled && this.#locks.delete(key));
    return run;
  }
  /** Every stored token, keyed `provider` or `provider:user`. For assertions in tests. */
  entries(): Map<string, Token> {
    const out = new Map<string, Token>();
    for (const [key, token] of this.#tokens) out.set(key.replace("\u0000", ":").replace(/:$/, ""), structuredClone(token));
    return out;
  }
}

/**
 * Stores nothing and finds nothing (Flask-Dance's NullStorage): every session is
 * unauthorized. For tests of the logged-out path, and apps that keep the token themselves in
 * the `authorized` event.
 *
 * @example
 * ```ts
 * createDance({ secret, providers: [github()], storage: new NullStorage() });
 * ```
 */
export class NullStorage implements TokenStorage {
  async get(): Promise<Token | null> {
    return null;
  }
  async set(): Promise<void> {}
  async delete(): Promise<void> {}
}
