/**
 * `createDance()`: the public API, composed from a validated configuration per environment
 * (`config.ts`), the instance that serves it (`instance.ts`) and the state every instance of
 * one Dance shares (`shared.ts`).
 *
 * @module
 */
import type { CookieChange } from "./cookies.js";
import type { DanceConfig } from "./config.js";
import { DanceConfigError } from "./errors.js";
import type { DanceEventName, DanceEvents } from "./events.js";
import type { BeginLoginOptions, DanceContext, RequestContext } from "./instance.js";
import type { CompleteLoginResult } from "./login.js";
import type { ProviderSession } from "./session.js";
import { errorPage } from "./http.js";
import { callbackParams, isDancePath } from "./routes.js";
import { Contexts, Instances } from "./registry.js";
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

/** Options of {@link Dance.tokenFor}. */
export interface TokenForOptions<Id extends string = string, E extends DanceEnv = DanceEnv> {
  /** The provider. */
  provider: Id;
  /** The user whose token it is (what `config.user(request)` returns for them). */
  user: unknown;
  /** The environment, for `createDance((env) => config)`. */
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
   *
   * @example
   * ```ts
   * // app/login/[...dance]/route.ts (Next.js)
   * export const GET = dance.handler;
   * export const POST = dance.handler; // form_post callbacks
   * ```
   * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1 (the authorization code grant)
   */
  handler(request: Request, env?: E): Promise<Response>;
  /**
   * True when the request is for Dance's routes (what {@link Dance.handler} serves).
   *
   * @example
   * ```ts
   * if (dance.matches(request)) return dance.handler(request);
   * ```
   */
  matches(request: Request | URL | string, env?: E): boolean;
  /**
   * The Dance of this request (created once per Request object, bound to `env`). Adapters
   * create it for you; pass this same Request object to Dance afterwards.
   *
   * @example
   * ```ts
   * export default {
   *   async fetch(request: Request, env: Env) {
   *     const context = dance.context(request, { env });
   *     if (context.matches()) return context.handle();
   *     const github = await context.session("github");
   *     return context.commit(new Response(github.authorized ? "hello" : "who are you?"));
   *   },
   * };
   * ```
   */
  context(request: Request, options?: ContextOptions<E>): DanceContext<Id>;
  /**
   * The session of `provider` for this request (cached per request).
   *
   * @example
   * ```ts
   * const github = await dance.session(request, "github");
   * if (github.authorized) console.log(github.token?.scope);
   * ```
   */
  session(request: Request, provider: Id): Promise<ProviderSession>;
  /**
   * Flask-Dance's `authorization_required`: null when a token exists, else a redirect to the
   * login that comes back here.
   *
   * @example
   * ```ts
   * const login = await dance.guard(request, "github");
   * if (login) return login;
   * ```
   */
  guard(request: Request, provider: Id): Promise<Response | null>;
  /**
   * Wrap a handler with {@link Dance.guard}; cookie changes are applied to its response, and a
   * {@link DanceError} it throws answers its own status (`reauth_required` → login again).
   *
   * @example
   * ```ts
   * const repos = dance.protect("github", async (request, github) => Response.json(await (await github.fetch("/user/repos")).json()));
   * ```
   */
  protect(provider: Id, handler: (request: Request, session: ProviderSession) => Response | Promise<Response>): (request: Request, env?: E) => Promise<Response>;
  /**
   * Subscribe to an event for all providers or one (Flask-Dance's `connect_via`); returns the
   * unsubscribe function.
   *
   * @example
   * ```ts
   * const off = dance.on("authorized", ({ token }) => console.log("granted", token.scope), { provider: "github" });
   * ```
   */
  on<N extends DanceEventName>(event: N, handler: NonNullable<DanceEvents[N]>, options?: SubscribeOptions<Id>): () => void;
  /**
   * Step 1 without the handler: the provider URL; the transaction cookie is queued (apply it
   * with {@link Dance.commit}). Fires `beforeLogin`.
   *
   * @example
   * ```ts
   * const { url } = await dance.beginLogin(request, "google", { next: "/settings", params: { login_hint: "ada@example.com" } });
   * return dance.commit(request, Response.redirect(url, 302));
   * ```
   * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE, S256 on every login)
   */
  beginLogin(request: Request, provider: Id, options?: BeginLoginOptions): Promise<WithCookies<{ url: URL }>>;
  /**
   * Step 2 without the handler: the verified token (not stored); the transaction cookie change
   * is queued. Throws {@link DanceError}.
   *
   * @example
   * ```ts
   * const { token, returnTo } = await dance.completeLogin(request, "github");
   * await (await dance.session(request, "github")).setToken(token);
   * return dance.commit(request, Response.redirect(new URL(returnTo, request.url), 302));
   * ```
   * @see https://www.rfc-editor.org/rfc/rfc9207 (the `iss` check) and https://www.rfc-editor.org/rfc/rfc9700 (the security BCP)
   */
  completeLogin(request: Request, provider: Id): Promise<WithCookies<CompleteLoginResult>>;
  /**
   * Apply this request's cookie changes not applied yet to a response, with `Cache-Control:
   * private, no-store` when there are any (adapters call it for you).
   *
   * @example
   * ```ts
   * await (await dance.session(request, "github")).deleteToken();
   * return dance.commit(request, Response.redirect(new URL("/", request.url), 303));
   * ```
   */
  commit(request: Request, response: Response): Response;
  /**
   * Turn an error that escaped the app's handler into a Response: a {@link DanceError} answers
   * its own status (through login again for `reauth_required`); anything else is rethrown.
   *
   * @example
   * ```ts
   * try {
   *   return await app(request);
   * } catch (error) {
   *   return dance.respond(request, error);
   * }
   * ```
   */
  respond(request: Request, error: unknown): Promise<Response>;
  /**
   * The session of a user's token outside a request (background jobs; Flask-Dance #197): the
   * same API — `fetch` refreshes and stores — for storages keyed by user (`MemoryStorage`,
   * `@dance/sql`, `@dance/kv`). With the cookie storage there is no browser to read from:
   * a `DanceConfigError` says so.
   *
   * @example
   * ```ts
   * // A nightly job, no request in sight:
   * const github = await dance.tokenFor({ provider: "github", user: 42 });
   * if (github.authorized) await github.fetch("/user/repos");
   * ```
   */
  tokenFor(options: TokenForOptions<Id, E>): Promise<ProviderSession>;
  /**
   * Narrow a dynamic provider id (the escape hatch of the typed ids).
   *
   * @example
   * ```ts
   * const id = new URL(request.url).searchParams.get("with") ?? "";
   * if (dance.hasProvider(id)) return Response.redirect(new URL((await dance.session(request, id)).loginUrl, request.url));
   * ```
   */
  hasProvider(id: string): id is Id;
  /**
   * Build the configuration of `env` and discover every OpenID provider now, so
   * misconfiguration fails at start-up.
   *
   * @example
   * ```ts
   * await dance.ready(); // throws a DanceConfigError saying what to set
   * server.listen(3000);
   * ```
   * @see https://openid.net/specs/openid-connect-discovery-1_0.html
   */
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
 * @see https://www.rfc-editor.org/rfc/rfc9700 (the OAuth 2.0 security BCP these defaults follow)
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
  const instances = new Instances(config as DanceConfig | ((env: object) => DanceConfig), shared);
  const contexts = new Contexts(instances);
  const context = (request: Request, env?: object) => contexts.of(request, env);
  const checkId = (id: string) => void instances.static?.provider(id);

  const dance: Dance<Id, E> = {
    get basePath() {
      return instances.for(undefined).settings.basePath;
    },
    get providers() {
      return Object.freeze([...instances.for(undefined).settings.providers.keys()]) as readonly Id[];
    },
    async handler(request, env) {
      let ctx: RequestContext;
      try {
        ctx = context(request, env);
      } catch (error) {
        return configErrorPage(error, request);
      }
      return ctx.handle();
    },
    matches(input, env) {
      const pathname = typeof input === "string" ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
      return isDancePath(instances.for(env).settings, pathname);
    },
    context: (request, options = {}) => context(request, options.env) as DanceContext<Id>,
    session: (request, id) => context(request).session(id),
    guard: (request, id) => context(request).guard(id),
    protect(id, inner) {
      checkId(id);
      return (request, env) => context(request, env).protect(id, inner);
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
    commit: (request, response) => contexts.existing(request)?.commit(response) ?? response,
    respond: (request, error) => context(request).respond(error),
    async tokenFor({ provider, user, env }) {
      return instances.for(env).tokenFor(provider, user);
    },
    hasProvider: (id): id is Id => instances.for(undefined).settings.providers.has(id),
    async ready(env) {
      await instances.for(env).ready();
    },
  };
  return Object.freeze(dance);
}

/** A configuration built from this request's env cannot work: say why in the log, not to the browser. */
function configErrorPage(error: unknown, request: Request): Response {
  if (!(error instanceof DanceConfigError)) throw error;
  console.error(`[dance] ${error.message}`);
  return errorPage(error, request);
}
