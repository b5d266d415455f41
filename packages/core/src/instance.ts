/**
 * One configured Dance for one environment, and the per-request {@link RequestContext}s it
 * serves: sessions, the two steps, the guard, failures. `dance.ts` composes these into the
 * public API; `routes.ts` serves them over HTTP.
 *
 * @internal
 * @module
 */
import { applyCookies, type CookieChange } from "./cookies.js";
import { RequestCookieJar } from "./cookie-jar.js";
import type { Settings } from "./config.js";
import { DanceConfigError, DanceError } from "./errors.js";
import type { EventArgument, DanceEventName } from "./events.js";
import { appOrigin, errorPage, isLoopbackHost, redirect, safeRedirectTarget } from "./http.js";
import type { CompleteLoginResult } from "./login.js";
import { stepsOf, type AnyProvider } from "./protocol.js";
import { refreshShared, type RefreshPlan } from "./refresh.js";
import { callbackParams, isDancePath, methodNotAllowed, notFound, routeOf } from "./routes.js";
import { clearTransactions, transactionCookie } from "./transaction.js";
import { holdInMemory, ProviderSession } from "./session.js";
import type { SharedCaches } from "./shared.js";
import type { StorageContext, Token } from "./types.js";

/** Options of `dance.beginLogin()`. */
export interface BeginLoginOptions {
  /** Where to return after the dance: a same-origin path or an allowed origin. Checked; falls back to `redirectTo`. */
  next?: string | null | undefined;
  /** Extra authorization parameters for this login only (e.g. `{ login_hint: "ada" }`). */
  params?: Readonly<Record<string, string>> | undefined;
  /** Scopes to ask for on top of the configured ones (incremental authorization). */
  scope?: readonly string[] | undefined;
}

/**
 * The Dance of one request: its sessions, its guard, and its cookie changes, which adapters
 * take once each (as data for frameworks that set cookies themselves, or applied to a
 * Response). Get it with `dance.context(request)`; adapters create it for you.
 *
 * @example
 * ```ts
 * const context = dance.context(request, { env });
 * const github = await context.session("github");
 * const response = Response.json({ loggedIn: github.authorized });
 * return context.commit(response); // adds the cookie changes (a refreshed token, a logout)
 * ```
 */
export interface DanceContext<Id extends string = string> {
  /** The request this context belongs to. */
  readonly request: Request;
  /** Whether the request is for one of Dance's routes (or under `basePath`). */
  matches(): boolean;
  /** Serve Dance's routes for this request (404 for other paths under `basePath`). */
  handle(): Promise<Response>;
  /** The session of `provider` for this request (one per provider and request). */
  session(provider: Id): Promise<ProviderSession>;
  /** Flask-Dance's `authorization_required`: null when a token exists, else a redirect to the login that comes back here. */
  guard(provider: Id): Promise<Response | null>;
  /**
   * Turn an error that escaped the app's handler into a Response: a {@link DanceError} answers
   * its own status (through login again for `reauth_required`); anything else is rethrown.
   */
  respond(error: unknown): Promise<Response>;
  /** Apply the cookie changes not applied yet (with `Cache-Control: private, no-store` when there are any). */
  commit(response: Response): Response;
  /** The cookie changes not taken yet, as data (Next.js `cookies().set()`); they are not handed out again. */
  takeCookies(): CookieChange[];
}

/** The state of one request and the instance (configuration) that serves it. */
export class RequestContext implements DanceContext {
  readonly request: Request;
  readonly instance: Instance;
  readonly jar: RequestCookieJar;
  readonly sessions = new Map<string, Promise<ProviderSession>>();

  constructor(request: Request, instance: Instance) {
    this.request = request;
    this.instance = instance;
    this.jar = new RequestCookieJar(request.headers.get("cookie"), instance.settings.sealer, instance.isSecure(request));
  }

  matches(): boolean {
    return isDancePath(this.instance.settings, new URL(this.request.url).pathname);
  }

  handle(): Promise<Response> {
    return this.instance.serve(this);
  }

  session(provider: string): Promise<ProviderSession> {
    return this.instance.session(this, provider);
  }

  guard(provider: string): Promise<Response | null> {
    return this.instance.guard(this, provider);
  }

  async respond(error: unknown): Promise<Response> {
    if (!(error instanceof DanceError)) throw error;
    return this.instance.respond(this, error);
  }

  /** Run `handler` behind the guard of `provider`; its cookie changes and DanceErrors are answered here. */
  async protect(provider: string, handler: (request: Request, session: ProviderSession) => Response | Promise<Response>): Promise<Response> {
    try {
      const blocked = await this.guard(provider);
      if (blocked) return blocked;
      return this.commit(await handler(this.request, await this.session(provider)));
    } catch (error) {
      return this.respond(error);
    }
  }

  commit(response: Response): Response {
    return applyCookies(response, this.jar.take());
  }

  takeCookies(): CookieChange[] {
    return this.jar.take();
  }
}

/** A configured Dance for one environment. */
export class Instance {
  readonly settings: Settings;
  readonly shared: SharedCaches;

  constructor(settings: Settings, shared: SharedCaches) {
    this.settings = settings;
    this.shared = shared;
  }

  provider(id: string): AnyProvider {
    const provider = this.settings.providers.get(id);
    if (!provider) {
      throw new DanceConfigError(`unknown provider "${id}"; configured: ${[...this.settings.providers.keys()].join(", ")}`, { code: "unknown_provider" });
    }
    return provider;
  }

  /** The public origin of the app for this request (warns once about ignored `X-Forwarded-*`). */
  origin(request: Request): string {
    const { baseUrl, trustProxy } = this.settings;
    if (!baseUrl && !trustProxy && (request.headers.has("x-forwarded-proto") || request.headers.has("x-forwarded-host"))) {
      this.settings.warn({
        code: "forwarded_headers_ignored",
        message: "X-Forwarded-Proto/-Host headers arrived and are ignored. Behind a proxy that sets them, set `trustProxy: true` (or `baseUrl`); otherwise the redirect_uri is built from the request URL.",
      });
    }
    return appOrigin(request, baseUrl, trustProxy);
  }

  /** Secure cookies everywhere but plain-http loopback development (SECURITY.md). */
  isSecure(request: Request): boolean {
    const { baseUrlSecure, trustProxy } = this.settings;
    if (baseUrlSecure !== undefined) return baseUrlSecure;
    if (!trustProxy && request.url.startsWith("https:")) return true;
    const origin = new URL(this.origin(request));
    return origin.protocol === "https:" || !isLoopbackHost(origin.hostname);
  }

  /** Plain http off loopback: browsers drop the Secure cookies Dance sets there. */
  #insecureOrigin(request: Request, jar: RequestCookieJar): boolean {
    return jar.secure && this.origin(request).startsWith("http:");
  }

  async #emit<E extends DanceEventName>(name: E, event: EventArgument<E>): Promise<unknown[]> {
    return this.shared.events.emit(this.settings.on, name, event);
  }

  session(context: RequestContext, id: string): Promise<ProviderSession> {
    let found = context.sessions.get(id);
    if (found) return found;
    let provider: AnyProvider;
    try {
      provider = this.provider(id);
    } catch (error) {
      return Promise.reject(error);
    }
    found = this.#openSession(context, provider);
    context.sessions.set(id, found);
    found.catch(() => context.sessions.delete(id));
    return found;
  }

  async #openSession(context: RequestContext, provider: AnyProvider): Promise<ProviderSession> {
    const user = this.settings.user ? await this.settings.user(context.request) : undefined;
    return this.openSession(provider, { provider: provider.id, request: context.request, user, cookies: context.jar, seal: this.settings.sealBox }, (response) => context.commit(response));
  }

  /** A session over `ctx`: its token read from the storage, refreshes coordinated, events fired. */
  async openSession(provider: AnyProvider, ctx: StorageContext, commit: (response: Response) => Response): Promise<ProviderSession> {
    const { settings, shared } = this;
    let token: Token | null;
    try {
      token = await settings.storage.get(ctx);
    } catch (cause) {
      throw new DanceError("storage_failed", `The ${provider.id} token could not be read.`, { provider: provider.id, cause });
    }
    const reauthRequired = (danceError: DanceError) =>
      this.#emit("reauthRequired", { provider: provider.id, reason: danceError.providerError?.error ?? "expired", request: ctx.request, danceError }).then(() => undefined);
    const plan: RefreshPlan = {
      provider,
      storage: settings.storage,
      ctx,
      now: settings.now,
      idTokenMaxAge: settings.idTokenMaxAge,
      flights: shared.refreshes,
      refreshed: (fresh) => this.#emit("refreshed", { provider: provider.id, token: fresh, request: ctx.request }).then(() => undefined),
      reauthRequired,
    };
    return new ProviderSession(
      {
        provider,
        storage: settings.storage,
        ctx,
        fetch: settings.fetch,
        now: settings.now,
        loginPath: settings.loginPaths.get(provider.id)!,
        commit,
        refresh: (old) => refreshShared(plan, old),
        expired: reauthRequired,
        signScope: (scope) => settings.sealer.mac(`scope:${provider.id}`, scope),
        debug: settings.debug,
      },
      token,
    );
  }

  /** The session of `user`'s token outside a request (background jobs), for storages keyed by user. */
  tokenFor(id: string, user: unknown): Promise<ProviderSession> {
    let provider: AnyProvider;
    try {
      provider = this.provider(id);
      if (this.settings.storage.userKeyed !== true) {
        throw new DanceConfigError(
          "dance.tokenFor() needs a storage that keeps tokens by user (MemoryStorage, @dance/sql, @dance/kv): the configured storage keeps them in the browser (cookies) or does not say `userKeyed: true`.",
        );
      }
    } catch (error) {
      return Promise.reject(error);
    }
    // No request, no browser: a jar whose changes go nowhere.
    const cookies = new RequestCookieJar(null, this.settings.sealer, true);
    return this.openSession(provider, { provider: id, request: undefined, user, cookies, seal: this.settings.sealBox }, (response) => response);
  }

  /** Discover every OpenID provider now, so misconfiguration fails at start-up. */
  async ready(): Promise<void> {
    for (const provider of this.settings.providers.values()) {
      try {
        await provider.metadata();
      } catch (cause) {
        throw new DanceConfigError(`provider "${provider.id}": ${(cause as Error).message}`, { cause });
      }
    }
  }

  /** Serve Dance's routes: login and callback. Failures become the error page or redirect, never an exception. */
  async serve(context: RequestContext): Promise<Response> {
    const request = context.request;
    const url = new URL(request.url);
    const route = routeOf(this.settings, url.pathname);
    if (!route) return notFound();
    const id = route.provider;
    try {
      if (route.step === "login") {
        if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed("GET, HEAD");
        const scope = await this.#signedScope(id, url.searchParams);
        const providerUrl = await this.beginLogin(context, id, { next: url.searchParams.get("next"), scope });
        return context.commit(redirect(providerUrl.href));
      }
      if (request.method !== "GET" && request.method !== "POST") return methodNotAllowed("GET, POST");
      let params: URLSearchParams;
      try {
        params = await callbackParams(request, id);
      } catch (error) {
        // A callback that cannot be read uses up every pending login of the provider, as a forged one does.
        clearTransactions(context.jar, id);
        throw error;
      }
      // A cross-site form_post (Sign in with Apple) arrives without the SameSite=Lax cookies:
      // carry its parameters to a same-origin GET of this route, where the browser sends them.
      if (request.method === "POST" && context.jar.get(transactionCookie(id)) === undefined && (params.has("state") || params.has("oauth_token"))) {
        return redirect(`${url.pathname}?${params}`, 303);
      }
      return await this.finishLogin(context, id, await this.completeLogin(context, id, params));
    } catch (error) {
      if (error instanceof DanceError) return this.failure(context, error);
      throw error;
    }
  }

  /** The extra scopes of a login link made by `session.loginUrlFor(next, { scope })`: only when signed by this app. */
  async #signedScope(id: string, query: URLSearchParams): Promise<string[] | undefined> {
    const scope = query.get("scope");
    if (scope === null || scope === "") return undefined;
    if (await this.settings.sealer.verifyMac(`scope:${id}`, scope, query.get("sig") ?? "")) return scope.split(" ").filter(Boolean);
    this.settings.debug({ event: "unsigned_scope_ignored", provider: id });
    return undefined;
  }

  /** Step 1: the provider URL; the transaction cookie is queued on the context. */
  async beginLogin(context: RequestContext, id: string, options: BeginLoginOptions = {}): Promise<URL> {
    const provider = this.provider(id);
    const { settings } = this;
    const request = context.request;
    const origin = this.origin(request);
    if (context.jar.secure && origin.startsWith("http:")) {
      this.settings.warn({
        code: "insecure_cookies",
        message: `The app is served over plain http at ${origin}, which is not loopback: Dance's cookies are Secure there and browsers drop them, so logins fail. Serve it over https (behind a TLS proxy: set \`trustProxy: true\` or \`baseUrl\`).`,
      });
    }
    const returnTo = safeRedirectTarget(options.next, origin, settings.allowedOrigins) ?? this.#redirectTo(id);
    const url = await stepsOf(provider).beginLogin({
      cookies: context.jar,
      redirectUri: `${origin}${settings.callbackPaths.get(id)}`,
      returnTo,
      maxAge: settings.transactionMaxAge,
      now: settings.now(),
      params: options.params,
      scope: options.scope,
    });
    await this.#emit("beforeLogin", { provider: id, url, request });
    settings.debug({ event: "login", provider: id });
    return url;
  }

  #redirectTo(id: string): string {
    return this.settings.redirects.get(id) ?? this.settings.redirectTo;
  }

  /** Step 2: the verified token (not stored). The transaction cookie change is queued on the context. */
  async completeLogin(context: RequestContext, id: string, params: URLSearchParams): Promise<CompleteLoginResult> {
    const provider = this.provider(id);
    const { settings } = this;
    return stepsOf(provider).completeLogin({
      cookies: context.jar,
      params,
      now: settings.now,
      idTokenMaxAge: settings.idTokenMaxAge,
      insecureOrigin: this.#insecureOrigin(context.request, context.jar),
      consumeState: (state, expiresAt) => this.shared.replay.consume(state, expiresAt, settings.now()),
    });
  }

  /** The end of a successful dance: the `authorized` event (with the token in the session, not stored), then store and redirect. */
  async finishLogin(context: RequestContext, id: string, result: CompleteLoginResult): Promise<Response> {
    const { settings } = this;
    const session = await this.session(context, id);
    holdInMemory(session, result.token);
    const returnTo = safeRedirectTarget(result.returnTo, this.origin(context.request), settings.allowedOrigins) ?? this.#redirectTo(id);
    const results = await this.#emit("authorized", { provider: id, token: result.token, request: context.request, session, claims: result.claims, returnTo });
    const custom = results.find((r): r is Response => r instanceof Response);
    if (custom) return context.commit(custom);
    const store = !results.includes(false);
    if (store) {
      try {
        await session.setToken(result.token);
      } catch (cause) {
        // setToken's own storage failure is already a storage_failed DanceError: not wrapped twice.
        if (cause instanceof DanceError) throw cause;
        throw new DanceError("storage_failed", `The ${id} token could not be stored.`, { provider: id, cause });
      }
    }
    settings.debug({ event: "authorized", provider: id, stored: store });
    return context.commit(redirect(returnTo));
  }

  /** A failed dance: the `error` event for what the provider or the storage did (its Response wins), then the error redirect or page. */
  async failure(context: RequestContext, error: DanceError): Promise<Response> {
    this.settings.debug({ event: "failure", provider: error.provider, code: error.code });
    // Also any other failure that carries what the provider said (an OAuth 1 token endpoint's 5xx or HTML page).
    const evented = error.code === "provider_error" || error.code === "token_exchange_failed" || error.code === "storage_failed" || error.providerError !== undefined;
    if (evented && error.provider) {
      const details = error.providerError ?? { error: error.code, description: undefined, uri: undefined };
      const results = await this.#emit("error", { ...details, provider: error.provider, request: context.request, danceError: error });
      const custom = results.find((r): r is Response => r instanceof Response);
      if (custom) return context.commit(custom);
    }
    if (error.code === "provider_error" && error.provider && this.settings.errorRedirectTo === undefined) {
      // Flask-Dance: a provider refusal (e.g. the user clicked "Cancel") returns to the app.
      return context.commit(redirect(this.#redirectTo(error.provider)));
    }
    return context.commit(this.#errorResponse(context, error));
  }

  /** `errorRedirectTo?error=<code>&provider=<id>`, or the error page with the error's status. */
  #errorResponse(context: RequestContext, error: DanceError): Response {
    const target = this.settings.errorRedirectTo;
    if (target === undefined) return errorPage(error, context.request);
    const url = new URL(target, "http://relative.invalid");
    url.searchParams.set("error", error.code);
    if (error.provider) url.searchParams.set("provider", error.provider);
    return redirect(url.origin === "http://relative.invalid" ? url.pathname + url.search + url.hash : url.href);
  }

  /** Flask-Dance's `authorization_required`: null when a token exists, else a redirect to the login that comes back here. */
  async guard(context: RequestContext, id: string): Promise<Response | null> {
    const session = await this.session(context, id);
    if (session.authorized) return null;
    const url = new URL(context.request.url);
    return context.commit(redirect(session.loginUrlFor(url.pathname + url.search)));
  }

  /**
   * The answer to a {@link DanceError} that escaped the app's own handler: through login again
   * for `reauth_required`/`not_authorized`, else the error redirect or page with the error's
   * own status — never a bare 500.
   */
  async respond(context: RequestContext, error: DanceError): Promise<Response> {
    this.settings.debug({ event: "failure", provider: error.provider, code: error.code });
    if ((error.code === "reauth_required" || error.code === "not_authorized") && error.provider && this.settings.providers.has(error.provider)) {
      const login = await this.guard(context, error.provider);
      if (login) return login;
    }
    return context.commit(this.#errorResponse(context, error));
  }
}
