/**
 * The per-request provider session: is there a token, and a fetch that attaches it.
 *
 * @module
 */
import { DanceError } from "./errors.js";
import { storedClaims } from "./claims.js";
import { stepsOf, type AnyProvider } from "./protocol.js";
import { isFresh, type Refreshed } from "./refresh.js";
import type { DebugRecord, StorageContext, Token, TokenStorage } from "./types.js";

/**
 * What a {@link ProviderSession} needs from its Dance instance.
 * @internal
 */
export interface SessionDeps {
  provider: AnyProvider;
  storage: TokenStorage;
  ctx: StorageContext;
  fetch: typeof fetch;
  now: () => number;
  loginPath: string;
  /** Apply the request's not-yet-applied cookie changes to a response. */
  commit(response: Response): Response;
  /** Refresh `old` (coordinated across requests and instances), see `refreshShared`. */
  refresh(old: Token): Promise<Refreshed>;
  /** The token expired and cannot be refreshed: tell the app (`reauthRequired`). */
  expired(error: DanceError): Promise<void>;
  /** Sign a login URL parameter (incremental scopes). */
  signScope(scope: string): Promise<string>;
  debug(record: DebugRecord): void;
}

/** Options of {@link ProviderSession.loginUrlFor}. */
export interface LoginUrlOptions {
  /**
   * Scopes to ask for on top of the configured ones (incremental authorization). The
   * parameter is signed: only the app can make such a link. The provider's answer replaces
   * the token, and the stored `scope` says what was granted.
   */
  scope?: readonly string[] | undefined;
}

/** Options of {@link ProviderSession.endSessionUrl}. */
export interface EndSessionOptions {
  /** Where the provider sends the browser afterwards (registered with the provider). */
  postLogoutRedirectUri?: string | undefined;
  /** Echoed back to the post-logout redirect. */
  state?: string | undefined;
}

let holdToken: (session: ProviderSession, token: Token) => void;

/**
 * The session of one provider for one request. Get it with `await dance.session(request, id)`.
 *
 * @example
 * ```ts
 * const github = await dance.session(request, "github");
 * if (!github.authorized) return Response.redirect(new URL(github.loginUrl, request.url));
 * const user = await (await github.fetch("/user")).json();
 * return github.commit(Response.json(user)); // adapters do this for you
 * ```
 */
export class ProviderSession {
  /** The provider id. */
  readonly provider: string;
  #token: Token | null;
  readonly #deps: SessionDeps;
  #refreshing: Promise<Token> | undefined;

  static {
    holdToken = (session, token) => {
      session.#token = token;
    };
  }

  /** @internal */
  constructor(deps: SessionDeps, token: Token | null) {
    this.provider = deps.provider.id;
    this.#deps = deps;
    this.#token = token;
  }

  /**
   * True when a token is stored that carries what requests need (Flask-Dance: an access token;
   * for OAuth 1 the token and its secret, or only the token with RSA-SHA1). Expiry is not checked.
   */
  get authorized(): boolean {
    return this.#token !== null && stepsOf(this.#deps.provider).hasCredentials(this.#token);
  }

  /**
   * The stored token, or null. When it has `expires_at`, `expires_in` is recomputed as
   * `expires_at - now` (seconds, may be negative), as Flask-Dance does.
   */
  get token(): Token | null {
    const token = this.#token;
    if (!token) return null;
    // A copy: the stored token may be shared with the seal cache and is frozen.
    if (token.expires_at === undefined) return { ...token };
    return { ...token, expires_in: token.expires_at - this.#deps.now() / 1000 };
  }

  /** The claims of the id_token (verified when it was received), for OpenID providers. */
  get claims(): Record<string, unknown> | undefined {
    return storedClaims(this.#token?.id_token);
  }

  /** Where to send the browser to log in with this provider (relative to the app origin). */
  get loginUrl(): string {
    return this.#deps.loginPath;
  }

  /**
   * The login URL that comes back to `next` (a same-origin path) after the dance; with
   * `scope`, it asks the provider for more (incremental authorization).
   *
   * @example
   * ```ts
   * Response.redirect(new URL(session.loginUrlFor("/settings"), request.url));
   * // Later, when the user turns on a feature that needs more access:
   * Response.redirect(new URL(await session.loginUrlFor("/repos", { scope: ["repo"] }), request.url));
   * ```
   */
  loginUrlFor(next: string): string;
  loginUrlFor(next: string, options: LoginUrlOptions): Promise<string>;
  loginUrlFor(next: string, options?: LoginUrlOptions): string | Promise<string> {
    const base = `${this.#deps.loginPath}?next=${encodeURIComponent(next)}`;
    if (!options?.scope || options.scope.length === 0) return options ? Promise.resolve(base) : base;
    const scope = [...options.scope].join(" ");
    return this.#deps.signScope(scope).then((sig) => `${base}&scope=${encodeURIComponent(scope)}&sig=${sig}`);
  }

  /**
   * The provider's RP-initiated logout URL (OpenID Connect), with `id_token_hint` and
   * `client_id`; undefined when the provider has no `end_session_endpoint`. Delete the token
   * first (`deleteToken()`), then send the browser there.
   *
   * @example
   * ```ts
   * const url = await session.endSessionUrl({ postLogoutRedirectUri: "https://app.example.com/" });
   * await session.deleteToken();
   * return session.commit(Response.redirect(url ?? "/", 303));
   * ```
   * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
   */
  async endSessionUrl(options: EndSessionOptions = {}): Promise<string | undefined> {
    const { provider } = this.#deps;
    const endpoint = (await provider.metadata()).as.end_session_endpoint;
    if (!endpoint) return undefined;
    const url = new URL(endpoint);
    url.searchParams.set("client_id", provider.clientId);
    if (this.#token?.id_token) url.searchParams.set("id_token_hint", this.#token.id_token);
    if (options.postLogoutRedirectUri) url.searchParams.set("post_logout_redirect_uri", options.postLogoutRedirectUri);
    if (options.state) url.searchParams.set("state", options.state);
    return url.href;
  }

  /**
   * Fetch with the token attached. A relative URL resolves against the provider's API base
   * URL (RFC 3986); the token is only ever sent to the provider's API origins. An expired
   * token is refreshed first (once, even for concurrent calls) when the provider allows it.
   * OAuth 1.0a providers get every request signed in the `Authorization` header: the query and
   * an `application/x-www-form-urlencoded` body are signed, other bodies (JSON) are not.
   *
   * @example
   * ```ts
   * const repos = await (await github.fetch("/user/repos?per_page=5")).json();
   * const me = await (await twitter.fetch("account/verify_credentials.json?include_email=true")).json();
   * ```
   * @throws {DanceError} `not_authorized`, `reauth_required`, `origin_not_allowed`, `provider_unavailable`
   * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
   * @see https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1 (OAuth 1.0a: the signed Authorization header)
   */
  async fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const token = await this.#freshToken();
    const response = await this.#send(input, init, token);
    // RFC 6750 §3.1: the provider says the token is no good (revoked, rotated elsewhere):
    // refresh once and retry once — unless the body cannot be sent again.
    if (response.status !== 401 || !this.#canRefresh(token) || !replayable(input, init) || !/\berror="?invalid_token/i.test(response.headers.get("www-authenticate") ?? "")) {
      return response;
    }
    await response.body?.cancel();
    return this.#send(input, init, await this.#refreshOnce(token));
  }

  async #send(input: string | URL | Request, init: RequestInit | undefined, token: Token): Promise<Response> {
    const { provider } = this.#deps;
    const metadata = await provider.metadata();
    let request: Request;
    if (input instanceof Request) request = new Request(input, init);
    else {
      const base = metadata.apiBaseUrl;
      let url: URL;
      try {
        url = base ? new URL(input, base) : new URL(input);
      } catch (cause) {
        throw new TypeError(`session.fetch: cannot resolve ${String(input)}${base ? ` against ${base}` : " (the provider has no apiBaseUrl)"}`, { cause });
      }
      request = new Request(url, init);
    }
    const origin = new URL(request.url).origin;
    if (!metadata.apiOrigins.has(origin)) {
      throw new DanceError("origin_not_allowed", `The ${provider.id} token is not sent to ${origin}; add it to the provider's apiOrigins to allow it.`, {
        provider: provider.id,
      });
    }
    // The protocol's way: a Bearer header (OAuth 2), a signature (OAuth 1); the provider's headers and hook apply there.
    request = await stepsOf(provider).attachCredentials(request, token);
    return this.#deps.fetch(request);
  }

  #canRefresh(token: Token): boolean {
    return this.#deps.provider.refreshEnabled && typeof token.refresh_token === "string" && token.refresh_token !== "";
  }

  /**
   * The token, refreshed first when it expires within a minute and the provider allows it (what
   * {@link ProviderSession.fetch} does before each call); null when not logged in. For SDKs that
   * take a bare access token, and for adapters that refresh before a render that cannot write
   * cookies (the Next.js proxy).
   *
   * @example
   * ```ts
   * const octokit = new Octokit({ auth: (await github.freshToken())?.access_token });
   * ```
   * @throws {DanceError} `reauth_required`, `provider_unavailable`, `token_exchange_failed`
   */
  async freshToken(): Promise<Token | null> {
    if (!this.#token) return null;
    await this.#freshToken();
    return this.token;
  }

  async #freshToken(): Promise<Token> {
    const token = this.#token;
    if (!token) throw new DanceError("not_authorized", `Not logged in with ${this.provider}.`, { provider: this.provider });
    if (isFresh(token, this.#deps.now())) return token;
    if (this.#canRefresh(token)) return this.#refreshOnce(token);
    if (token.expires_at! > this.#deps.now() / 1000) return token;
    const error = new DanceError("reauth_required", `The ${this.provider} token expired and cannot be refreshed: log in again.`, { provider: this.provider });
    await this.#deps.expired(error);
    throw error;
  }

  /** One refresh per session at a time (and, through `deps.refresh`, per refresh token across requests and instances). */
  #refreshOnce(token: Token): Promise<Token> {
    this.#refreshing ??= this.#refresh(token).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(old: Token): Promise<Token> {
    const { provider, storage, ctx } = this.#deps;
    let refreshed: Refreshed;
    try {
      refreshed = await this.#deps.refresh(old);
    } catch (error) {
      const danceError = error instanceof DanceError ? error : new DanceError("reauth_required", `Refreshing the ${provider.id} token failed.`, { provider: provider.id, cause: error });
      if (danceError.code === "reauth_required") {
        // Refused for good: forget the token (this request's copy too) so the app sends the user to log in, not into a loop.
        if (!storage.userKeyed) await storage.delete(ctx).catch(() => undefined);
        this.#token = null;
      }
      this.#deps.debug({ event: "refresh_failed", provider: provider.id, code: danceError.code });
      throw danceError;
    }
    // The refresh stored it for the request that ran it; this request keeps its own copy (its cookie).
    if (refreshed.storedFor !== ctx && !storage.userKeyed) await this.#store(refreshed.token);
    this.#token = refreshed.token;
    this.#deps.debug({ event: "refreshed", provider: provider.id });
    return refreshed.token;
  }

  async #store(token: Token): Promise<void> {
    try {
      await this.#deps.storage.set(this.#deps.ctx, token);
    } catch (cause) {
      throw new DanceError("storage_failed", `The ${this.provider} token could not be stored.`, { provider: this.provider, cause });
    }
  }

  /**
   * Store a token (e.g. from an `authorized` handler that returns its own Response).
   *
   * @example
   * ```ts
   * await session.setToken({ access_token: "…", token_type: "bearer", expires_in: 3600 });
   * ```
   */
  async setToken(token: Token): Promise<void> {
    if (!token || typeof token.access_token !== "string" || token.access_token === "") {
      throw new TypeError("setToken: the token needs an access_token string");
    }
    const stored: Token = { ...token, token_type: String(token.token_type ?? "bearer").toLowerCase() };
    if (typeof stored.expires_in === "number" && stored.expires_in > 0 && stored.expires_at === undefined) {
      stored.expires_at = Math.floor(this.#deps.now() / 1000) + Math.floor(stored.expires_in);
    }
    await this.#store(stored);
    this.#token = stored;
  }

  /**
   * Forget the token (log out of this provider in this app).
   *
   * @example
   * ```ts
   * await session.deleteToken();
   * return session.commit(Response.redirect(new URL("/", request.url), 303));
   * ```
   */
  async deleteToken(): Promise<void> {
    try {
      await this.#deps.storage.delete(this.#deps.ctx);
    } catch (cause) {
      throw new DanceError("storage_failed", `The ${this.provider} token could not be deleted.`, { provider: this.provider, cause });
    }
    this.#token = null;
  }

  /**
   * Revoke the token at the provider (RFC 7009), then delete it.
   *
   * @example
   * ```ts
   * await session.revoke(); // the provider forgets the grant; the cookie is cleared
   * ```
   * @throws {DanceError} `unsupported_operation` when the provider has no revocation endpoint (nor
   *   a revoke hook; OAuth 1.0a providers have none), `provider_unavailable` when revoking failed.
   * @see https://www.rfc-editor.org/rfc/rfc7009
   */
  async revoke(): Promise<void> {
    const token = this.#token;
    if (!token) return;
    // The protocol's way: RFC 7009 or the provider's hook (OAuth 2); OAuth 1 has no revocation.
    await stepsOf(this.#deps.provider).revoke(token, this.#deps.fetch);
    await this.deleteToken();
  }

  /**
   * Apply this request's cookie changes to `response` (adapters do it for you). Calling it
   * again only adds what changed since.
   */
  commit(response: Response): Response {
    return this.#deps.commit(response);
  }
}

/** Whether a request can be sent a second time (RFC 6750 401 recovery): no body, or a body given as data, not a stream. */
function replayable(input: string | URL | Request, init: RequestInit | undefined): boolean {
  if (init?.body !== undefined && init.body !== null) return !(init.body instanceof ReadableStream);
  return !(input instanceof Request) || input.body === null;
}

/** Let `session` hold `token` in memory, not stored (the `authorized` event). @internal */
export function holdInMemory(session: ProviderSession, token: Token): void {
  holdToken(session, token);
}
