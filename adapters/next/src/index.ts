/**
 * `@dance/next`: Dance for the Next.js App Router.
 *
 * - `app/login/[...dance]/route.ts`: `export const { GET, POST } = nextHandlers(dance);`
 * - your own route handlers: `export const GET = danceRoute(dance, (request, dance) => …)`;
 *   cookie changes reach the response by themselves.
 * - Server Components and server actions: `await getSession(dance, "github")` through `next/headers`.
 * - `proxy.ts` (Next 16; `middleware.ts` before): `export const proxy = danceProxy(dance, { require })`
 *   guards pages and refreshes expiring tokens before Server Components render.
 *
 * **The origin.** Next.js hands route handlers and the proxy a `request.url` on `localhost`
 * whatever the browser asked for. Dance builds the `redirect_uri` and scopes its cookies by the
 * app's origin, so these helpers take it from the `Host` header (checked; an invalid one is a
 * 400), as the Node adapter does. Set `baseUrl` in production: it always wins.
 *
 * **Server Components cannot write cookies.** A token refreshed while one renders is held in
 * memory and written by the next request of that browser through Dance that can write (the
 * proxy, a route handler, a server action). With {@link danceProxy} on your pages, tokens are
 * refreshed before the render and never need that.
 *
 * @example
 * ```ts
 * // app/login/[...dance]/route.ts
 * import { nextHandlers } from "@dance/next";
 * import { dance } from "@/dance";
 * export const { GET, POST } = nextHandlers(dance);
 * ```
 * @module
 */
import { cookies, headers } from "next/headers.js";
import { NextResponse } from "next/server.js";
import { applyCookies, isDanceError, isValidHost, parseCookieHeader, type CookieChange, type Dance, type DanceContext, type ProviderSession, type Token } from "@dance/core";

/**
 * A Next.js route handler (what {@link nextHandlers}, {@link danceRoute} and {@link danceProxy} return).
 *
 * @example
 * ```ts
 * export const GET: RouteHandler = danceRoute(dance, async () => new Response("ok"));
 * ```
 */
export type RouteHandler = (request: Request) => Promise<Response>;

const badRequest = () => new Response("Bad Request", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The request with the origin the browser used (from the `Host` header); null when the Host
 * header is missing or invalid.
 *
 * @example
 * ```ts
 * const request = toDanceRequest(nextRequest) ?? new Response("Bad Request", { status: 400 });
 * ```
 */
export function toDanceRequest(request: Request): Request | null {
  const host = request.headers.get("host");
  if (!host || !isValidHost(host)) return null;
  const url = new URL(request.url);
  if (url.host === host) return request;
  const href = `${url.protocol}//${host}${url.pathname}${url.search}`;
  if (!URL.canParse(href)) return null; // e.g. a port out of range
  const body = request.method === "GET" || request.method === "HEAD" ? null : request.body;
  return new Request(href, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: "half" } as RequestInit);
}

/**
 * Tokens refreshed during a Server Component render, by provider and the refresh token they
 * replaced (at most 1000). Process-wide: Next.js loads pages and route handlers as separate
 * module instances.
 */
const deferred: Map<string, Token> = ((globalThis as Record<symbol, Map<string, Token> | undefined>)[Symbol.for("@dance/next.deferred")] ??= new Map());
const deferKey = (provider: string, token: Token | null) => (token?.refresh_token ? `${provider}\u0000${token.refresh_token}` : "");

/** The session, with a token a Server Component refreshed for this browser put in place (written with the response). */
async function open(context: DanceContext, provider: string, keep = false): Promise<ProviderSession> {
  const session = await context.session(provider);
  const key = deferKey(provider, session.token);
  const pending = deferred.get(key);
  if (pending) await session.setToken(pending);
  if (pending && !keep) deferred.delete(key);
  return session;
}

/**
 * `app/login/[...dance]/route.ts`: the login and callback routes of every provider (`POST` for
 * `form_post` providers).
 *
 * @example
 * ```ts
 * export const { GET, POST } = nextHandlers(dance);
 * ```
 */
export function nextHandlers(dance: Dance<string, never>): { GET: RouteHandler; POST: RouteHandler } {
  const handler = async (request: Request) => {
    const fixed = toDanceRequest(request);
    return fixed ? dance.handler(fixed) : badRequest();
  };
  return { GET: handler, POST: handler };
}

/**
 * A route handler with the request's {@link DanceContext}: the cookie changes its sessions make
 * (refresh, `setToken`, logout) are applied to the Response it returns, with
 * `Cache-Control: private, no-store`; a {@link DanceError} it throws answers its own status.
 *
 * @example
 * ```ts
 * // app/api/repos/route.ts
 * export const GET = danceRoute(dance, async (request, dance) => {
 *   const github = await dance.session("github");
 *   return Response.json(await (await github.fetch("/user/repos")).json());
 * });
 * ```
 */
export function danceRoute<Id extends string>(dance: Dance<Id, never>, handler: (request: Request, dance: DanceContext<Id>) => Response | Promise<Response>): RouteHandler {
  return async (request) => {
    const fixed = toDanceRequest(request);
    if (!fixed) return badRequest();
    const context = dance.context(fixed);
    try {
      if (deferred.size > 0) for (const id of dance.providers) await open(context, id);
      return context.commit(await handler(fixed, context));
    } catch (error) {
      return context.respond(error);
    }
  };
}

const contexts = new WeakMap<object, DanceContext>();
const originals = new WeakMap<ProviderSession, Token | null>();

/**
 * The session of `provider` in a Server Component, a server action or a route handler, through
 * `next/headers`. Its cookie changes are written with `cookies().set()` after each call that
 * makes them. In a Server Component, where Next.js forbids writes, a refreshed token is kept
 * for the next request of this browser that can write it (the proxy, a route handler, a server
 * action); `setToken`/`deleteToken`/`revoke` throw Next's error there.
 *
 * @example
 * ```tsx
 * export default async function Page() {
 *   const github = await getSession(dance, "github");
 *   if (!github.authorized) return <a href={github.loginUrlFor("/")}>Log in with GitHub</a>;
 *   const user = await (await github.fetch("/user")).json();
 *   return <p>Hello @{user.login}</p>;
 * }
 * ```
 */
export async function getSession<Id extends string>(dance: Dance<Id, never>, provider: Id): Promise<ProviderSession> {
  const [incoming, jar] = await Promise.all([headers(), cookies()]);
  let context = contexts.get(incoming);
  if (!context) {
    const host = incoming.get("host") ?? "";
    const origin = `${incoming.get("x-forwarded-proto") === "https" ? "https" : "http"}://${isValidHost(host) ? host : "localhost"}`;
    contexts.set(incoming, (context = dance.context(new Request(`${origin}/`, { headers: incoming }))));
  }
  const session = await context.session(provider);
  if (!originals.has(session)) originals.set(session, session.token);
  const key = deferKey(provider, originals.get(session)!);
  await open(context, provider, true);
  const write = (byUser: boolean) => {
    const changes = context.takeCookies();
    try {
      for (const { name, value, options } of changes) jar.set(name, value, { ...options, sameSite: options.sameSite?.toLowerCase() as "lax" | "strict" | "none" });
      if (changes.length > 0) deferred.delete(key);
    } catch (error) {
      if (byUser) throw error; // setToken/deleteToken in a Server Component: Next's error says where to do it
      // A Server Component: the browser keeps its old cookie; keep the refreshed token for it.
      if (key && session.token && session.token.access_token !== originals.get(session)?.access_token) {
        if (deferred.size >= 1000) deferred.delete(deferred.keys().next().value!);
        deferred.set(key, session.token);
      }
    }
  };
  write(false);
  return new Proxy(session, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise ? result.finally(() => write(name !== "fetch" && name !== "freshToken")) : result;
      };
    },
  });
}

/**
 * Options of {@link danceProxy}.
 *
 * @example
 * ```ts
 * const options: DanceProxyOptions<"github"> = { require: (url) => (url.pathname.startsWith("/admin") ? "github" : null) };
 * ```
 */
export interface DanceProxyOptions<Id extends string> {
  /** The provider a path needs a login with (Flask-Dance's `authorization_required`), or nothing. */
  require?: (url: URL) => Id | null | undefined;
}

function forwardedCookies(header: string | null, changes: readonly CookieChange[]): string {
  const cookies = parseCookieHeader(header);
  for (const { name, value, options } of changes) options.maxAge === 0 ? cookies.delete(name) : cookies.set(name, value);
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * `proxy.ts` (`middleware.ts` before Next 16): redirects to the login of the provider a path
 * requires (coming back to it afterwards), and refreshes tokens that expire within a minute,
 * writing them to the browser and to the request the page renders with.
 *
 * @example
 * ```ts
 * // proxy.ts
 * export const proxy = danceProxy(dance, { require: (url) => (url.pathname.startsWith("/dashboard") ? "github" : null) });
 * export const config = { matcher: ["/((?!_next/|login/).*)"] };
 * ```
 */
export function danceProxy<Id extends string>(dance: Dance<Id, never>, options: DanceProxyOptions<Id> = {}): RouteHandler {
  return async (request) => {
    const fixed = toDanceRequest(request);
    if (!fixed) return badRequest();
    const context = dance.context(fixed);
    if (context.matches()) return NextResponse.next();
    try {
      const required = options.require?.(new URL(fixed.url));
      const login = required ? await context.guard(required) : null;
      if (login) {
        const answer = new Headers(login.headers); // Next.js wants an absolute Location from the proxy
        answer.set("location", new URL(login.headers.get("location")!, fixed.url).href);
        return new Response(null, { status: login.status, headers: answer });
      }
      for (const id of dance.providers) {
        try {
          await (await open(context, id)).freshToken();
        } catch (error) {
          // A refresh that fails leaves the token to the page (reauth_required has deleted it already).
          if (!isDanceError(error)) throw error;
        }
      }
    } catch (error) {
      return context.respond(error);
    }
    const changes = context.takeCookies();
    if (changes.length === 0) return NextResponse.next();
    const forwarded = new Headers(request.headers);
    forwarded.set("cookie", forwardedCookies(request.headers.get("cookie"), changes));
    return applyCookies(NextResponse.next({ request: { headers: forwarded } }), changes);
  };
}
