/**
 * `@dance/cloudflare`: Dance for Cloudflare Workers. No `nodejs_compat`, no `process`: the
 * configuration comes from each request's `env` bindings through `createDance((env) => config)`,
 * built once per `env` object.
 *
 * @example
 * ```ts
 * // src/worker.ts
 * import { createDance } from "@dance/core";
 * import { github } from "@dance/providers/github";
 * import { withDance } from "@dance/cloudflare";
 *
 * interface Env { DANCE_SECRET: string; GITHUB_OAUTH_CLIENT_ID: string; GITHUB_OAUTH_CLIENT_SECRET: string }
 *
 * const dance = createDance((env: Env) => ({ secret: env.DANCE_SECRET, providers: [github()] }));
 *
 * export default withDance(dance, async (request, env, ctx, { session }) => {
 *   const gh = await session("github");
 *   if (!gh.authorized) return Response.redirect(new URL(gh.loginUrl, request.url).href, 302);
 *   return Response.json(await (await gh.fetch("/user")).json());
 * });
 * ```
 * @module
 */
import type { Dance, DanceContext, DanceEnv } from "@dance/core";

/**
 * The app's own fetch handler: a Worker's `fetch(request, env, ctx)`, given the request's
 * {@link DanceContext} as a fourth argument (a Hono `app.fetch` simply ignores it).
 *
 * @example
 * ```ts
 * const app: DanceFetchHandler<"github", Env> = async (request, env, ctx, dance) =>
 *   Response.json({ loggedIn: (await dance.session("github")).authorized });
 * ```
 */
export type DanceFetchHandler<Id extends string = string, E extends DanceEnv = DanceEnv, C = unknown> = (
  request: Request,
  env: E,
  ctx: C,
  dance: DanceContext<Id>,
) => Response | Promise<Response>;

/**
 * A Worker module's default export.
 *
 * @example
 * ```ts
 * const worker: DanceWorker<Env> = withDance(dance, app);
 * export default worker;
 * ```
 */
export interface DanceWorker<E extends DanceEnv = DanceEnv, C = unknown> {
  /** Serves the dance routes; everything else goes to the app. */
  fetch(request: Request, env: E, ctx: C): Promise<Response>;
}

/**
 * The Worker entry: Dance's routes (`GET {basePath}/{id}`, `GET|POST {basePath}/{id}/authorized`),
 * everything else to `app` (404 without one). Cookie changes the app makes through a session
 * reach the response by themselves (with `Cache-Control: private, no-store`), and a
 * {@link DanceError} the app throws answers its own status, or a login redirect for
 * `reauth_required`/`not_authorized`.
 *
 * @example
 * ```ts
 * export default withDance(dance, app);            // a Hono app, or any { fetch(request, env, ctx) }
 * export default withDance(dance, (request, env, ctx, dance) => new Response("hi"));
 * ```
 */
export function withDance<Id extends string, E extends DanceEnv = DanceEnv, C = unknown>(
  dance: Dance<Id, E>,
  app?: DanceFetchHandler<Id, E, C> | { fetch: DanceFetchHandler<Id, E, C> },
): DanceWorker<E, C> {
  const handler = typeof app === "function" ? app : app?.fetch.bind(app);
  return {
    async fetch(request, env, ctx) {
      if (!URL.canParse(request.url)) return new Response("Bad Request", { status: 400 }); // a Host header workerd let through
      let context: DanceContext<Id>;
      try {
        context = dance.context(request, { env });
      } catch {
        return dance.handler(request, env); // a configuration this env cannot build: logged, and an error page
      }
      if (context.matches()) return context.handle();
      if (!handler) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
      try {
        return context.commit(await handler(request, env, ctx, context));
      } catch (error) {
        return context.respond(error);
      }
    },
  };
}
