/**
 * `createDance()`: the public API, composed from a validated configuration per environment
 * (`config.ts`), the instance that serves it (`instance.ts`) and the state every instance of
 * one Dance shares (`shared.ts`).
 *
 * @module
 */
import type { CookieChange } from "./cookies.js";
import { defaultEnv, resolveConfig, type DanceConfig } from "./config.js";
import { DanceConfigError } from "./errors.js";
import type { DanceEventName, DanceEvents } from "./events.js";
import { Instance, RequestContext, type BeginLoginOptions, type DanceContext } from "./instance.js";
import type { CompleteLoginResult } from "./login.js";
import type { ProviderSession } from "./session.js";
import { errorPage } from "./http.js";
import { callbackParams, isDancePath } from "./routes.js";
import { createShared } from "./shared.js";

/** An environment: `process.env`, or a Worker's `env` bindings. */
export type DanceEnv = object;

/** Options of {@link Dance.on}. */
export interface SubscribeOptions<Id extends string = string> {
  /** Only for this provider (Flask-Dance's `connect_via`). */
  provider?: Id;
}

/** Options of {@link Dance.context}. */
export interface ContextOptions<E extends DanceEnv = DanceEnv> {
  /** The environment of this request (a Worker's `env`), for `createDance((env) => config)`. */
  env?: E | undefined;
}

/** A login step's result plus the cookie changes it queued (also applied by `dance.commit`). */
export type WithCookies<T> = T & {
  /** The cookie changes of this request so far, as data. */
  cookies: readonly CookieChange[];
};

/**
 * What {@link createDance} returns. `Id` is the union of the configured provider ids: a typo
 * in a provider id does not type-check (use {@link Dance.hasProvider} to narrow a dynamic one).
 */
export interface Dance<Id extends string = string, E extends DanceEnv = DanceEnv> {
  /** The mount point, e.g. `/login` (of the default environment's configuration). */
  readonly basePath: string;
  /** The configured provider ids (of the default environment's configuration). */
  readonly providers: readonly Id[];
  /**
   * Serves the login and callback routes of every provider (`GET {basePath}/{id}`,
   * `GET|POST {basePath}/{id}/authorized` unless a provider sets its own paths); anything else
   * under `basePath` → 404. Failures → the error page or redirect, never an exception. A
   * Workers fetch handler as it is: `export default { fetch: dance.handler }`.
   */
  handler(request: Request, env?: E): Promise<Response>;
  /** True when the request is for Dance's routes (what {@link Dance.handler} serves). */
  matches(request: Request | URL | string, env?: E): boolean;
  /** The Dance of this request (created once per Request object, bound to `env`). Adapters create it for you. */
  context(request: Request, options?: ContextOptions<E>): DanceContext<Id>;
  /** The session of `provider` for this request (cached per request). */
  session(request: Request, provider: Id): Promise<ProviderSession>;
  /** Flask-Dance's `authorization_required`: null when a token exists, else a redirect to the login that comes back here. */
  guard(request: Request, provider: Id): Promise<Response | null>;
  /** Wrap a handler with {@link Dance.guard}; cookie changes are applied to its response, and a {@link DanceError} it throws answers its own status. */
  protect(provider: Id, handler: (request: Request, session: ProviderSession) => Response | Promise<Response>): (request: Request, env?: E) => Promise<Response>;
  /** Subscribe to an event for all providers or one; returns the unsubscribe function. */
  on<N extends DanceEventName>(event: N, handler: NonNullable<DanceEvents[N]>, options?: SubscribeOptions<Id>): () => void;
  /** Step 1 without the handler: the provider URL; the transaction cookie is queued (apply it with {@link Dance.commit}). Fires `beforeLogin`. */
  beginLogin(request: Request, provider: Id, options?: BeginLoginOptions): Promise<WithCookies<{ url: URL }>>;
  /** Step 2 without the handler: the verified token (not stored); the transaction cookie change is queued. Throws {@link DanceError}. */
  completeLogin(request: Request, provider: Id): Promise<WithCookies<CompleteLoginResult>>;
  /** Apply this request's cookie changes not applied yet to a response (adapters call it for you). */
  commit(request: Request, response: Response): Response;
  /** Turn an error that escaped the app's handler into a Response: a {@link DanceError} answers its own status; anything else is rethrown. */
  respond(request: Request, error: unknown): Promise<Response>;
  /** Narrow a dynamic provider id. */
  hasProvider(id: string): id is Id;
  /** Build the configuration of `env` and discover every OpenID provider now, so misconfiguration fails at start-up. */
  ready(env?: E): Promise<void>;
}

/**
 * Create the dance: validate the configuration once (throwing a {@link DanceConfigError} that
 * says what to set), and return the handler, sessions, guard and events. Give a function of
 * the environment instead of an object when configuration arrives with each request (a
 * Worker's `env`): it is called once per env object, and everything that can be shared —
 * discovery, JWKS, sealed-cookie caches, the replay guard, refreshes in flight, event
 * subscriptions — is shared between the configurations it builds.
 *
 * @example
 * ```ts
 * import { createDance } from "@dance/core";
 * import { github } from "@dance/providers/github";
 *
 * export const dance = createDance({
 *   secret: process.env.DANCE_SECRET,   // ≥ 32 characters
 *   providers: [github()],              // GITHUB_OAUTH_CLIENT_ID / _SECRET
 *   redirectTo: "/",
 * });
 * // GET /login/github → GitHub → GET /login/github/authorized → "/"
 * ```
 * @example
 * ```ts
 * // Cloudflare Workers: configuration from the env bindings of each request.
 * const dance = createDance((env: Env) => ({ secret: env.DANCE_SECRET, providers: [github()] }));
 * export default { fetch: dance.handler };
 * ```
 */
export function createDance<const Id extends string, E extends DanceEnv = DanceEnv>(config: DanceConfig<Id> | ((env: E) => DanceConfig<Id>)): Dance<Id, E> {
  if (!config || (typeof config !== "object" && typeof config !== "function")) throw new DanceConfigError("createDance() needs a configuration object.");
  const shared = createShared();
  const key = Symbol("dance.context");
  const instances = new WeakMap<object, Instance>();
  const build = (env: object): Instance => {
    let instance = instances.get(env);
    if (!instance) {
      const resolved = typeof config === "function" ? config(env as E) : config;
      const envRecord = (resolved?.env ?? env) as Readonly<Record<string, unknown>>;
      instance = new Instance(resolveConfig(resolved as DanceConfig, envRecord, shared), shared);
      instances.set(env, instance);
    }
    return instance;
  };
  const defaultEnvObject = (typeof config === "object" && config.env) || defaultEnv();
  // A static configuration is validated now, so a mistake fails at start-up.
  const staticInstance = typeof config === "object" ? build(defaultEnvObject) : undefined;
  const instanceFor = (env: object | undefined) => staticInstance ?? build(env ?? defaultEnvObject);

  const fallbackContexts = new WeakMap<Request, RequestContext>();
  const context = (request: Request, env?: object): RequestContext => {
    const own = (request as unknown as Record<symbol, RequestContext | undefined>)[key] ?? fallbackContexts.get(request);
    if (own) return own;
    const created = new RequestContext(request, instanceFor(env));
    // On the Request itself under a private symbol: a WeakMap entry per request costs the garbage collector more than the rest of the hot path.
    if (Object.isExtensible(request)) Object.defineProperty(request, key, { value: created });
    else fallbackContexts.set(request, created);
    return created;
  };
  const checkId = (id: string) => {
    if (staticInstance) staticInstance.provider(id);
  };

  const dance: Dance<Id, E> = {
    get basePath() {
      return instanceFor(undefined).settings.basePath;
    },
    get providers() {
      return Object.freeze([...instanceFor(undefined).settings.providers.keys()]) as readonly Id[];
    },
    async handler(request, env) {
      let ctx: RequestContext;
      try {
        ctx = context(request, env);
      } catch (error) {
        // A configuration built from this request's env cannot work: say why in the log, not to the browser.
        if (!(error instanceof DanceConfigError)) throw error;
        console.error(`[dance] ${error.message}`);
        return errorPage(error, request);
      }
      return ctx.handle();
    },
    matches(input, env) {
      const pathname = typeof input === "string" ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
      return isDancePath(instanceFor(env).settings, pathname);
    },
    context: (request, options = {}) => context(request, options.env) as DanceContext<Id>,
    session: (request, id) => context(request).session(id),
    guard: (request, id) => context(request).guard(id),
    protect(id, inner) {
      checkId(id);
      return async (request, env) => {
        const ctx = context(request, env);
        try {
          const blocked = await ctx.guard(id);
          if (blocked) return blocked;
          return ctx.commit(await inner(request, await ctx.session(id)));
        } catch (error) {
          return ctx.respond(error);
        }
      };
    },
    on(event, fn, options = {}) {
      if (options.provider !== undefined) checkId(options.provider);
      return shared.events.on(event, fn as (event: never) => unknown, options.provider);
    },
    async beginLogin(request, id, options) {
      const ctx = context(request);
      const url = await ctx.instance.beginLogin(ctx, id, options);
      return { url, cookies: ctx.jar.changes };
    },
    async completeLogin(request, id) {
      const ctx = context(request);
      const result = await ctx.instance.completeLogin(ctx, id, await callbackParams(request, id));
      return { ...result, cookies: ctx.jar.changes };
    },
    commit(request, response) {
      const own = (request as unknown as Record<symbol, RequestContext | undefined>)[key] ?? fallbackContexts.get(request);
      return own ? own.commit(response) : response;
    },
    respond: (request, error) => context(request).respond(error),
    hasProvider: (id): id is Id => instanceFor(undefined).settings.providers.has(id),
    async ready(env) {
      const instance = instanceFor(env);
      for (const provider of instance.settings.providers.values()) {
        try {
          await provider.metadata();
        } catch (cause) {
          throw new DanceConfigError(`provider "${provider.id}": ${(cause as Error).message}`, { cause });
        }
      }
    },
  };
  return Object.freeze(dance);
}
