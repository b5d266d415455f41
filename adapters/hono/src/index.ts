/**
 * `@dance/hono`: Dance for Hono, on every runtime Hono runs on (Node via `@hono/node-server`,
 * Cloudflare Workers, Deno, Bun).
 *
 * One middleware serves the dance routes under `basePath`, puts the request's
 * {@link DanceContext} on `c.var.dance` (typed with your provider ids), applies the cookie
 * changes your handlers make (a refreshed token, a logout, `setToken`) to the outgoing response
 * with `Cache-Control: private, no-store`, and answers a {@link DanceError} that escapes a
 * handler with its own status (or a login redirect for `reauth_required`).
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { danceMiddleware, requireLogin } from "@dance/hono";
 * import { dance } from "./dance.js";
 *
 * const app = new Hono().use(danceMiddleware(dance));
 * app.get("/", requireLogin("github"), async (c) => {
 *   const github = await c.var.dance.session("github");
 *   return c.json(await (await github.fetch("/user")).json());
 * });
 * export default app;
 * ```
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { isDanceError, isValidHost, type Dance, type DanceContext, type DanceEnv } from "@dance/core";

/**
 * What {@link danceMiddleware} puts on the Hono context: `c.var.dance`.
 *
 * @example
 * ```ts
 * const app = new Hono<{ Variables: DanceVariables<"github"> }>();
 * app.get("/", async (c) => c.json({ loggedIn: (await c.var.dance.session("github")).authorized }));
 * ```
 */
export interface DanceVariables<Id extends string = string> {
  /** The Dance of this request: `session(id)`, `guard(id)`, … */
  dance: DanceContext<Id>;
}

/**
 * The Hono `Env` of an app using {@link danceMiddleware}.
 *
 * @example
 * ```ts
 * interface Bindings { DANCE_SECRET: string }
 * const app = new Hono<DanceHonoEnv<"github", Bindings>>();
 * app.use(danceMiddleware(dance));
 * ```
 */
export interface DanceHonoEnv<Id extends string = string, E extends DanceEnv = DanceEnv> {
  /** The app's bindings (a Worker's `env`), handed to `createDance((env) => config)`. */
  Bindings: E;
  /** `c.var.dance`. */
  Variables: DanceVariables<Id>;
}

/**
 * Options of {@link danceMiddleware}.
 *
 * @example
 * ```ts
 * const env = { DANCE_SECRET: Deno.env.get("DANCE_SECRET") }; // one object for the process
 * app.use(danceMiddleware(dance, { env: () => env }));
 * ```
 */
export interface DanceMiddlewareOptions<E extends DanceEnv = DanceEnv> {
  /**
   * The environment of a request for `createDance((env) => config)`. Default `c.env` (a Worker's
   * bindings; what you pass as the second argument of `app.fetch(request, env)` elsewhere).
   */
  env?: (c: { env: E }) => E | undefined;
}

/**
 * The Dance middleware: serves `GET {basePath}/{id}` and `GET|POST {basePath}/{id}/authorized`
 * (404 for anything else under `basePath`), and for every other request sets `c.var.dance`,
 * then applies the request's cookie changes to the response your handlers build.
 *
 * @example
 * ```ts
 * const app = new Hono<DanceHonoEnv<"github">>();
 * app.use(danceMiddleware(dance));
 * app.get("/me", async (c) => c.json({ loggedIn: (await c.var.dance.session("github")).authorized }));
 * ```
 */
export function danceMiddleware<Id extends string, E extends DanceEnv = DanceEnv>(
  dance: Dance<Id, E>,
  options: DanceMiddlewareOptions<E> = {},
): MiddlewareHandler<DanceHonoEnv<Id, E>> {
  return async (c, next) => {
    // Deno and Bun build the URL from whatever Host header arrived: unparsable, or with a "/", "?" or "@" that changes its meaning.
    if (!isValidHost(c.req.header("host") ?? "x") || !URL.canParse(c.req.url)) return c.text("Bad Request", 400);
    const context = dance.context(c.req.raw, { env: options.env ? options.env(c) : c.env });
    c.set("dance", context);
    if (context.matches()) return context.handle();
    await next();
    // Hono turned an error into c.res already (app.onError); a DanceError answers its own status instead.
    const answer = isDanceError(c.error) ? await context.respond(c.error) : context.commit(c.res);
    if (answer !== c.res) {
      c.res = undefined; // replace, not merge: Hono would copy the old response's headers over the new one
      c.res = answer;
    }
  };
}

/**
 * Flask-Dance's `authorization_required`: continue when a token for `provider` exists, else
 * redirect to its login, coming back to this URL afterwards. Needs {@link danceMiddleware}
 * mounted before it. Pass `dance` first to have the provider id checked against its type.
 *
 * @example
 * ```ts
 * app.get("/repos", requireLogin("github"), (c) => c.text("only with a GitHub token"));
 * app.get("/admin", requireLogin(dance, "github"), handler); // a typo in the id does not compile
 * ```
 */
export function requireLogin<Id extends string>(provider: Id): MiddlewareHandler<DanceHonoEnv<Id>>;
export function requireLogin<Id extends string>(dance: Dance<Id, never>, provider: NoInfer<Id>): MiddlewareHandler<DanceHonoEnv<Id>>;
export function requireLogin(...args: [string] | [Dance<string, never>, string]): MiddlewareHandler<DanceHonoEnv> {
  const provider = args.length === 1 ? args[0] : args[1];
  return async (c, next) => {
    const context = c.get("dance") as DanceContext | undefined;
    if (!context) throw new TypeError(`requireLogin("${provider}"): mount danceMiddleware(dance) before it (app.use(danceMiddleware(dance))).`);
    const login = await context.guard(provider);
    if (login) return login;
    await next();
  };
}
