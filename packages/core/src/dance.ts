/**
 * `createDance()`: one validated, frozen configuration, and the handler, sessions, guard and
 * events built on it.
 *
 * @module
 */
import { DanceConfigError, DanceError } from "./errors.js";
import { appOrigin, errorPage, isLoopbackHost, redirect, safeRedirectTarget, withCookies } from "./http.js";
import { beginLogin, completeLogin, type CompleteLoginResult } from "./login.js";
import { resolveProvider, type ResolvedProvider } from "./provider.js";
import { normalizeSecrets, Sealer } from "./seal.js";
import { ProviderSession } from "./session.js";
import { cookieStorage, RequestCookieJar } from "./storage.js";
import type { DanceConfig, DanceEventName, DanceEvents, DebugRecord, StorageContext, Token, TokenStorage } from "./types.js";

/** Options of {@link Dance.on}. */
export interface SubscribeOptions {
  /** Only for this provider (Flask-Dance's `connect_via`). */
  provider?: string;
}

/** Options of {@link Dance.beginLogin}. */
export interface BeginLoginOptions {
  /** Where to return after the dance: a same-origin path or an allowed origin. Checked; falls back to `redirectTo`. */
  next?: string | null | undefined;
  /** Extra authorization parameters for this login only (e.g. `{ login_hint: "ada" }`). */
  params?: Readonly<Record<string, string>> | undefined;
}

/** A login step's result plus the cookies it set. */
export type WithCookies<T> = T & {
  /** `Set-Cookie` values to send with the response. */
  cookies: readonly string[];
};

/** What {@link createDance} returns. */
export interface Dance {
  /** The mount point, e.g. `/login`. */
  readonly basePath: string;
  /** The configured provider ids. */
  readonly providers: readonly string[];
  /**
   * Serves `GET {basePath}/{id}` (login) and `GET|POST {basePath}/{id}/authorized`.
   * Anything else → 404. Failures → the error page or redirect, never an exception.
   */
  handler(request: Request): Promise<Response>;
  /** True when the request path is under `basePath` (what {@link Dance.handler} serves). */
  matches(request: Request | URL | string): boolean;
  /** The session of `provider` for this request (cached per request). */
  session(request: Request, provider: string): Promise<ProviderSession>;
  /** Flask-Dance's `authorization_required`: null when a token exists, else a redirect to the login that comes back here. */
  guard(request: Request, provider: string): Promise<Response | null>;
  /** Wrap a handler with {@link Dance.guard}; cookie changes are applied to its response. */
  protect(provider: string, handler: (request: Request, session: ProviderSession) => Response | Promise<Response>): (request: Request) => Promise<Response>;
  /** Subscribe to an event for all providers or one; returns the unsubscribe function. */
  on<E extends DanceEventName>(event: E, handler: NonNullable<DanceEvents[E]>, options?: SubscribeOptions): () => void;
  /** Step 1 without the handler: the provider URL and the transaction cookie. */
  beginLogin(request: Request, provider: string, options?: BeginLoginOptions): Promise<WithCookies<{ url: URL }>>;
  /** Step 2 without the handler: the verified token (not stored) and the cookies (the cleared transaction). Throws {@link DanceError}. */
  completeLogin(request: Request, provider: string): Promise<WithCookies<CompleteLoginResult>>;
  /** The `Set-Cookie` values queued for this request so far. */
  pendingCookies(request: Request): readonly string[];
  /** Apply this request's queued cookie changes to a response (adapters call it for you). */
  commit(request: Request, response: Response): Response;
  /** Discover every OpenID provider now, so misconfiguration fails at start-up. */
  ready(): Promise<void>;
}

interface RequestState {
  jar: RequestCookieJar;
  sessions: Map<string, Promise<ProviderSession>>;
  committed: number;
}

type Listener = { provider: string | undefined; fn: (event: never) => unknown };

const DEFAULT_TRANSACTION_MAX_AGE = 600;
const MAX_CALLBACK_BODY = 64 * 1024;

function readEnv(): Readonly<Record<string, string | undefined>> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

function normalizeBasePath(value: string | undefined): string {
  const path = value ?? "/login";
  if (typeof path !== "string" || !path.startsWith("/") || /[?#\\\s]/.test(path) || path.includes("//")) {
    throw new DanceConfigError(`\`basePath\` must be an absolute path such as "/login", got ${JSON.stringify(value)}.`);
  }
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/**
 * Create the dance: validate the configuration once (throwing a {@link DanceConfigError} that
 * says what to set), and return the handler, sessions, guard and events.
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
 */
export function createDance(config: DanceConfig): Dance {
  if (!config || typeof config !== "object") throw new DanceConfigError("createDance() needs a configuration object.");
  const env = config.env ?? readEnv();
  const secrets = normalizeSecrets(config.secret ?? env.DANCE_SECRET);
  const basePath = normalizeBasePath(config.basePath);
  const now = config.now ?? Date.now;
  const fetchImpl: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeout = config.timeout ?? 10_000;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new DanceConfigError("`timeout` must be a positive number of milliseconds.");
  const txMaxAge = config.transactionMaxAge ?? DEFAULT_TRANSACTION_MAX_AGE;
  if (!Number.isFinite(txMaxAge) || txMaxAge < 30 || txMaxAge > 3600) throw new DanceConfigError("`transactionMaxAge` must be between 30 and 3600 seconds.");
  const tokenMaxAge = config.tokenMaxAge ?? 30 * 24 * 3600;
  if (!Number.isFinite(tokenMaxAge) || tokenMaxAge <= 0) throw new DanceConfigError("`tokenMaxAge` must be a positive number of seconds.");
  let baseUrl: string | undefined;
  if (config.baseUrl !== undefined) {
    try {
      baseUrl = new URL(config.baseUrl).origin;
    } catch {
      throw new DanceConfigError(`\`baseUrl\` must be an absolute URL such as "https://app.example.com", got ${JSON.stringify(config.baseUrl)}.`);
    }
  }
  const allowedOrigins = new Set<string>();
  for (const origin of config.allowedRedirectOrigins ?? []) {
    try {
      allowedOrigins.add(new URL(origin).origin);
    } catch {
      throw new DanceConfigError(`\`allowedRedirectOrigins\` entry ${JSON.stringify(origin)} is not an absolute URL.`);
    }
  }
  const redirectTo = config.redirectTo ?? "/";
  const errorRedirectTo = config.errorRedirectTo;
  for (const [name, target] of [["redirectTo", redirectTo], ["errorRedirectTo", errorRedirectTo]] as const) {
    if (target !== undefined && safeRedirectTarget(target, "http://config.invalid", allowedOrigins) === undefined && !(baseUrl && safeRedirectTarget(target, baseUrl, allowedOrigins))) {
      throw new DanceConfigError(`\`${name}\` must be a same-origin path such as "/" or a URL whose origin is in \`allowedRedirectOrigins\`, got ${JSON.stringify(target)}.`);
    }
  }
  if (!Array.isArray(config.providers) || config.providers.length === 0) {
    throw new DanceConfigError("`providers` must list at least one provider, e.g. providers: [github()].");
  }
  const providers = new Map<string, ResolvedProvider>();
  for (const definition of config.providers) {
    const provider = resolveProvider(definition, { env, fetch: fetchImpl, timeout });
    if (providers.has(provider.id)) throw new DanceConfigError(`provider id "${provider.id}" is configured twice; give one of them another \`id\`.`);
    providers.set(provider.id, provider);
  }
  const storage: TokenStorage = config.storage ?? cookieStorage({ maxAge: tokenMaxAge });
  for (const method of ["get", "set", "delete"] as const) {
    if (typeof storage[method] !== "function") throw new DanceConfigError(`\`storage\` must implement get, set and delete; ${method} is missing.`);
  }
  const sealer = new Sealer(secrets, { now });
  const trustProxy = config.trustProxy === true;
  const debug = (record: DebugRecord) => config.debug?.(record);

  const listeners: Record<DanceEventName, Listener[]> = { beforeLogin: [], authorized: [], error: [] };
  for (const name of Object.keys(listeners) as DanceEventName[]) {
    const fn = config.on?.[name];
    if (fn !== undefined) {
      if (typeof fn !== "function") throw new DanceConfigError(`\`on.${name}\` must be a function.`);
      listeners[name].push({ provider: undefined, fn: fn as Listener["fn"] });
    }
  }
  async function emit<E extends DanceEventName>(name: E, provider: string, event: Parameters<NonNullable<DanceEvents[E]>>[0]): Promise<unknown[]> {
    const results: unknown[] = [];
    for (const listener of [...listeners[name]]) {
      if (listener.provider === undefined || listener.provider === provider) results.push(await (listener.fn as (e: typeof event) => unknown)(event));
    }
    return results;
  }

  // Single use of states, within this process (the cleared cookie covers the browser).
  const usedStates = new Map<string, number>();
  const consumeState = (state: string, expiresAt: number): boolean => {
    const t = now();
    if (usedStates.has(state)) return false;
    if (usedStates.size >= 10_000) {
      for (const [s, exp] of usedStates) if (exp <= t || usedStates.size >= 10_000) usedStates.delete(s);
    }
    usedStates.set(state, expiresAt);
    return true;
  };

  // Timed with `now` (not a timer, which would hold a process open for 30 s and ignore the configured clock).
  const refreshes = new Map<string, { promise: Promise<Token>; until: number }>();
  const refreshOnce = (provider: ResolvedProvider, token: Token, run: () => Promise<Token>): Promise<Token> => {
    const key = `${provider.id}\u0000${token.refresh_token}`;
    const t = now();
    const running = refreshes.get(key);
    if (running && running.until > t) return running.promise;
    for (const [k, entry] of refreshes) if (entry.until <= t) refreshes.delete(k);
    const entry = { promise: run(), until: Infinity };
    refreshes.set(key, entry);
    entry.promise.then(
      // Requests racing with the old cookie get the same new token for a short while (never once it has expired).
      (fresh) => void (entry.until = Math.min(now() + 30_000, fresh.expires_at === undefined ? Infinity : fresh.expires_at * 1000)),
      () => refreshes.get(key) === entry && refreshes.delete(key),
    );
    return entry.promise;
  };

  // Per-request state lives on the Request under a symbol private to this instance. A WeakMap
  // would work too, but its values point back to their key (session → ctx.request), and such
  // entries cost the garbage collector ~10 µs per request: more than the rest of the hot path.
  const STATE = Symbol("dance.request-state");
  const fallbackStates = new WeakMap<Request, RequestState>();
  const stateOf = (request: Request): RequestState | undefined =>
    (request as unknown as Record<symbol, RequestState | undefined>)[STATE] ?? fallbackStates.get(request);
  // Secure cookies everywhere but plain-http loopback development (SECURITY.md).
  const baseUrlSecure = baseUrl === undefined ? undefined : baseUrl.startsWith("https:") || !isLoopbackHost(new URL(baseUrl).hostname);
  function isSecure(request: Request): boolean {
    if (baseUrlSecure !== undefined) return baseUrlSecure;
    if (!trustProxy && request.url.startsWith("https:")) return true;
    const origin = new URL(appOrigin(request, undefined, trustProxy));
    return origin.protocol === "https:" || !isLoopbackHost(origin.hostname);
  }
  function state(request: Request): RequestState {
    let s = stateOf(request);
    if (!s) {
      s = { jar: new RequestCookieJar(request.headers.get("cookie"), sealer, isSecure(request)), sessions: new Map(), committed: 0 };
      if (Object.isExtensible(request)) Object.defineProperty(request, STATE, { value: s });
      else fallbackStates.set(request, s);
    }
    return s;
  }
  function providerOf(id: string): ResolvedProvider {
    const provider = providers.get(id);
    if (!provider) throw new TypeError(`unknown provider "${id}"; configured: ${[...providers.keys()].join(", ")}`);
    return provider;
  }

  async function session(request: Request, id: string): Promise<ProviderSession> {
    const provider = providerOf(id);
    const s = state(request);
    let found = s.sessions.get(id);
    if (!found) {
      found = (async () => {
        const ctx: StorageContext & { cookies: RequestCookieJar } = {
          provider: id,
          request,
          user: config.user ? await config.user(request) : undefined,
          cookies: s.jar,
        };
        const token = await storage.get(ctx);
        return new ProviderSession(
          { provider, storage, ctx, fetch: fetchImpl, now, loginPath: `${basePath}/${id}`, refreshOnce, debug, commit: (response) => dance.commit(request, response) },
          token,
        );
      })();
      s.sessions.set(id, found);
      found.catch(() => s.sessions.delete(id));
    }
    return found;
  }

  const redirectUriFor = (request: Request, id: string) => `${appOrigin(request, baseUrl, trustProxy)}${basePath}/${id}/authorized`;

  async function begin(request: Request, id: string, options: BeginLoginOptions = {}) {
    const provider = providerOf(id);
    const origin = appOrigin(request, baseUrl, trustProxy);
    const returnTo = safeRedirectTarget(options.next, origin, allowedOrigins) ?? redirectTo;
    const s = state(request);
    const { url } = await beginLogin({
      provider,
      cookies: s.jar,
      redirectUri: redirectUriFor(request, id),
      returnTo,
      maxAge: txMaxAge,
      now: now(),
      params: options.params,
    });
    return { url, cookies: s.jar.pending };
  }

  async function callbackParams(request: Request): Promise<URLSearchParams> {
    if (request.method === "GET" || request.method === "HEAD") return new URL(request.url).searchParams;
    const type = request.headers.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw new DanceError("invalid_callback", "A POST callback must be a form (application/x-www-form-urlencoded).");
    }
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_CALLBACK_BODY) throw new DanceError("invalid_callback", "The callback body is too large.");
    const text = await readLimited(request, MAX_CALLBACK_BODY);
    return new URLSearchParams(text);
  }

  async function complete(request: Request, id: string) {
    const provider = providerOf(id);
    const s = state(request);
    try {
      const params = await callbackParams(request);
      const result = await completeLogin({ provider, cookies: s.jar, params, now, consumeState });
      return { ...result, cookies: s.jar.pending };
    } catch (error) {
      // Whatever failed, the transaction is gone (single use) and the cookie clearing must reach the browser.
      if (s.jar.get(`dance-tx-${id}`) !== undefined) s.jar.deleteSealed(`dance-tx-${id}`);
      throw error;
    }
  }

  async function failure(request: Request, error: DanceError): Promise<Response> {
    const s = state(request);
    debug({ event: "failure", provider: error.provider, code: error.code });
    if ((error.code === "provider_error" || error.code === "token_exchange_failed") && error.provider) {
      const details = error.providerError ?? { error: error.code, description: undefined, uri: undefined };
      const results = await emit("error", error.provider, { ...details, provider: error.provider, request, danceError: error });
      const custom = results.find((r): r is Response => r instanceof Response);
      if (custom) return withCookies(custom, s.jar.pending);
    }
    let response: Response;
    if (errorRedirectTo !== undefined) {
      const target = new URL(errorRedirectTo, "http://relative.invalid");
      target.searchParams.set("error", error.code);
      if (error.provider) target.searchParams.set("provider", error.provider);
      response = redirect(target.origin === "http://relative.invalid" ? target.pathname + target.search + target.hash : target.href);
    } else if (error.code === "provider_error") {
      // Flask-Dance: a provider refusal (e.g. the user clicked "Cancel") returns to the app.
      response = redirect(redirectTo);
    } else {
      response = errorPage(error, request);
    }
    return withCookies(response, s.jar.pending);
  }

  async function handler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = matchRoute(url.pathname);
    if (!route || !providers.has(route.provider)) return notFound();
    const { provider: id, step } = route;
    try {
      if (step === "login") {
        if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed("GET, HEAD");
        const { url: providerUrl } = await begin(request, id, { next: url.searchParams.get("next") });
        await emit("beforeLogin", id, { provider: id, url: providerUrl, request });
        debug({ event: "login", provider: id });
        return withCookies(redirect(providerUrl.href), state(request).jar.pending);
      }
      if (request.method !== "GET" && request.method !== "POST") return methodNotAllowed("GET, POST");
      const result = await complete(request, id);
      const s = state(request);
      const providerSession = await session(request, id);
      const origin = appOrigin(request, baseUrl, trustProxy);
      const returnTo = safeRedirectTarget(result.returnTo, origin, allowedOrigins) ?? redirectTo;
      const results = await emit("authorized", id, {
        provider: id,
        token: result.token,
        request,
        session: providerSession,
        claims: result.claims,
        returnTo,
      });
      const custom = results.find((r): r is Response => r instanceof Response);
      if (custom) return withCookies(custom, s.jar.pending);
      if (!results.includes(false)) {
        try {
          await providerSession.setToken(result.token);
        } catch (cause) {
          throw new DanceError("storage_failed", `The ${id} token could not be stored.`, { provider: id, cause });
        }
      }
      debug({ event: "authorized", provider: id, stored: !results.includes(false) });
      return withCookies(redirect(returnTo), s.jar.pending);
    } catch (error) {
      if (error instanceof DanceError) return failure(request, error);
      throw error;
    }
  }

  function matchRoute(pathname: string): { provider: string; step: "login" | "authorized" } | undefined {
    const prefix = basePath === "/" ? "/" : `${basePath}/`;
    if (!pathname.startsWith(prefix)) return undefined;
    const parts = pathname.slice(prefix.length).split("/");
    if (parts.length === 1 && parts[0]) return { provider: parts[0], step: "login" };
    if (parts.length === 2 && parts[0] && parts[1] === "authorized") return { provider: parts[0], step: "authorized" };
    return undefined;
  }

  const dance: Dance = {
    basePath,
    providers: Object.freeze([...providers.keys()]),
    handler,
    matches(input) {
      const pathname = typeof input === "string" ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
      return pathname === basePath || pathname.startsWith(basePath === "/" ? "/" : `${basePath}/`);
    },
    session,
    async guard(request, id) {
      const s = await session(request, id);
      if (s.authorized) return null;
      const url = new URL(request.url);
      const response = redirect(s.loginUrlFor(url.pathname + url.search));
      return withCookies(response, state(request).jar.pending);
    },
    protect(id, inner) {
      providerOf(id);
      return async (request) => {
        const blocked = await dance.guard(request, id);
        if (blocked) return blocked;
        let response: Response;
        try {
          response = await inner(request, await session(request, id));
        } catch (error) {
          // The token was refused for good while the handler ran (and deleted): log in again instead of a 500.
          if (!(error instanceof DanceError && error.code === "reauth_required")) throw error;
          const login = await dance.guard(request, id);
          if (login) return login;
          response = errorPage(error, request);
        }
        return dance.commit(request, response);
      };
    },
    on(event, fn, options = {}) {
      if (!(event in listeners)) throw new TypeError(`unknown event "${String(event)}"; events: ${Object.keys(listeners).join(", ")}`);
      if (options.provider !== undefined) providerOf(options.provider);
      const listener: Listener = { provider: options.provider, fn: fn as Listener["fn"] };
      listeners[event].push(listener);
      return () => {
        const i = listeners[event].indexOf(listener);
        if (i !== -1) listeners[event].splice(i, 1);
      };
    },
    beginLogin: begin,
    completeLogin: complete,
    pendingCookies(request) {
      return stateOf(request)?.jar.pending ?? [];
    },
    commit(request, response) {
      const s = stateOf(request);
      if (!s) return response;
      const pending = s.jar.pending;
      const fresh = pending.slice(s.committed);
      s.committed = pending.length;
      return withCookies(response, fresh);
    },
    async ready() {
      for (const provider of providers.values()) {
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

function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function methodNotAllowed(allow: string): Response {
  return new Response("Method Not Allowed", { status: 405, headers: { allow, "content-type": "text/plain; charset=utf-8" } });
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new DanceError("invalid_callback", "The callback body is too large.");
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

