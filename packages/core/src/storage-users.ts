/**
 * Whose token, for storages that keep tokens by user (`@dance/sql`, `@dance/kv`, your own):
 * Flask-Dance's `user` / `user_id` / `user_required` / `anon_user` semantics over a web
 * `Request`, resolved on every read and write (so a user who logs in during the `authorized`
 * event owns the token stored after it).
 *
 * @module
 */
import { StorageError } from "./errors.js";
import type { StorageContext } from "./types.js";

/**
 * A user as a storage takes it: an id (string, number), an object with an `id`, or nothing
 * (`null`, `undefined`, `false`: anonymous).
 *
 * @example
 * ```ts
 * const user: StorageUser = { id: 42, name: "Ada" };
 * ```
 * @see https://flask-dance.readthedocs.io/en/latest/storages.html#sqlalchemy (its `user` argument)
 */
export type StorageUser = string | number | bigint | boolean | null | undefined | object;

/**
 * A value, or a function of the request that gives it (Flask-Dance's `current_user` proxy).
 *
 * @example
 * ```ts
 * const user: Resolver<User | null> = (request) => sessions.userOf(request);
 * const fixed: Resolver<string> = "admin";
 * ```
 * @see https://flask-login.readthedocs.io/en/latest/#flask_login.current_user
 */
export type Resolver<T> = T | ((request: Request) => T | Promise<T>);

/**
 * Who owns the tokens: the options both SQL and KV storages share.
 *
 * @example
 * ```ts
 * const options: UserOptions = { user: (request) => currentUser(request), userRequired: true };
 * ```
 * @see https://flask-dance.readthedocs.io/en/latest/storages.html#sqlalchemy
 */
export interface UserOptions {
  /**
   * The current user: an object with an `id`, or the id itself (a string or number); a value or
   * a function of the request, called on every read and write. Flask-Dance's `user`.
   */
  user?: Resolver<StorageUser> | undefined;
  /** The current user's id, when you have it without the user object; wins over `user`. Flask-Dance's `user_id`. */
  userId?: Resolver<string | number | bigint | null | undefined> | undefined;
  /**
   * Refuse to store a token without a user (an anonymous visitor): the dance ends in the `error`
   * event with `storage_failed`. Reads for an anonymous visitor find nothing. Default: true when
   * `user` or `userId` is given, false otherwise (then tokens without a user are kept as the
   * app's own, shared by every visitor — Flask-Dance's single-user setup).
   */
  userRequired?: boolean | undefined;
  /**
   * Whether a resolved user is anonymous. Default: `null`, `undefined`, `false`, `""`, or an
   * object whose `isAnonymous` or `is_anonymous` is true (Flask-Login's anonymous user).
   */
  isAnonymous?: ((user: unknown) => boolean) | undefined;
}

/**
 * The default anonymity test.
 *
 * @example
 * ```ts
 * defaultIsAnonymous(null); // true
 * defaultIsAnonymous({ id: 7 }); // false
 * ```
 * @see https://flask-login.readthedocs.io/en/latest/#anonymous-users
 */
export function defaultIsAnonymous(user: unknown): boolean {
  if (user === null || user === undefined || user === false || user === "") return true;
  if (typeof user === "object") {
    const flags = user as { isAnonymous?: unknown; is_anonymous?: unknown };
    return flags.isAnonymous === true || flags.is_anonymous === true;
  }
  return false;
}

/** The id of a user: a string or number as it is, an object's `id`. @internal */
export function idOf(user: unknown): string {
  if (typeof user === "string" || typeof user === "number" || typeof user === "bigint") return String(user);
  if (typeof user === "object" && user !== null && "id" in user) {
    const id = (user as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number" || typeof id === "bigint") return String(id);
  }
  throw new TypeError("A Dance storage user must be an id (string or number) or an object with an `id`.");
}

async function resolve<T>(resolver: Resolver<T> | undefined, request: Request | undefined): Promise<T | undefined> {
  if (typeof resolver !== "function") return resolver;
  if (!request) return undefined;
  return (resolver as (request: Request) => T | Promise<T>)(request);
}

/**
 * Per-request overrides (`storage.assign`): the user and provider user id a callback decided on.
 *
 * @example
 * ```ts
 * tokens.assign(request, "github", { userId: 42, providerUserId: 583231 } satisfies Assignment);
 * ```
 * @see {@link SqlStorage.assign}
 */
export interface Assignment {
  /** The local user the token belongs to. */
  userId: string | number | bigint;
  /** The user's id at the provider (stored in `provider_user_id`). */
  providerUserId?: string | number | undefined;
}

/**
 * Resolves the user of a storage context. `undefined` → no user (anonymous).
 *
 * @example
 * ```ts
 * const users = new StorageUsers({ user: (request) => currentUser(request) }, (message) => new Error(message));
 * const userId = await users.id(ctx); // undefined for an anonymous visitor
 * ```
 */
export class StorageUsers {
  readonly #options: UserOptions;
  readonly #isAnonymous: (user: unknown) => boolean;
  readonly #assigned = new WeakMap<Request, Map<string, Assignment>>();
  readonly required: boolean;

  constructor(options: UserOptions) {
    for (const name of ["isAnonymous"] as const) {
      if (options[name] !== undefined && typeof options[name] !== "function") throw new TypeError(`\`${name}\` must be a function.`);
    }
    this.#options = options;
    this.#isAnonymous = options.isAnonymous ?? defaultIsAnonymous;
    this.required = options.userRequired ?? (options.user !== undefined || options.userId !== undefined);
  }

  /** Decide, for this request and provider, whose token it is (see `storage.assign`). */
  assign(request: Request, provider: string, assignment: Assignment): void {
    if (!(request instanceof Request)) throw new TypeError("assign() needs the Request of the callback (the `request` of the authorized event).");
    idOf(assignment.userId);
    let byProvider = this.#assigned.get(request);
    if (!byProvider) this.#assigned.set(request, (byProvider = new Map()));
    byProvider.set(provider, { ...assignment });
  }

  /** What `assign` recorded for this context. */
  assignment(ctx: StorageContext): Assignment | undefined {
    return ctx.request ? this.#assigned.get(ctx.request)?.get(ctx.provider) : undefined;
  }

  /**
   * The user id of `ctx`, or undefined for an anonymous visitor. Precedence (Flask-Dance's: the
   * most explicit first): `assign()` for this request; outside a request the `user` given to
   * `dance.tokenFor()`; the storage's `userId`, then `user`; then the Dance's own `user(request)`.
   */
  async id(ctx: StorageContext): Promise<string | undefined> {
    const assigned = this.assignment(ctx);
    if (assigned) return idOf(assigned.userId);
    if (!ctx.request && !this.#isAnonymous(ctx.user)) return idOf(ctx.user);
    const userId = await resolve(this.#options.userId, ctx.request);
    if (!this.#isAnonymous(userId)) return idOf(userId);
    const user = await resolve(this.#options.user, ctx.request);
    if (!this.#isAnonymous(user)) return idOf(user);
    if (ctx.request && !this.#isAnonymous(ctx.user)) return idOf(ctx.user);
    return undefined;
  }

  /** The user id for storing a token: throws `user_required` for an anonymous visitor when a user is required. */
  async idForWrite(ctx: StorageContext): Promise<string | undefined> {
    const id = await this.id(ctx);
    if (id === undefined && this.required) {
      throw new StorageError("user_required", `Cannot store the ${ctx.provider} token without an associated user (userRequired is on and the visitor is anonymous).`);
    }
    return id;
  }
}
