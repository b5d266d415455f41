/**
 * The per-request provider session: is there a token, and a fetch that attaches it.
 *
 * @module
 */
import * as oauth from "oauth4webapi";
import { DanceError } from "./errors.js";
import { storedClaims } from "./id-token.js";
import type { ResolvedProvider } from "./metadata.js";
import { REFRESH_LEEWAY_S } from "./refresh.js";
import type { DebugRecord, StorageContext, Token, TokenStorage } from "./types.js";

/**
 * What a {@link ProviderSession} needs from its Dance instance.
 * @internal
 */
export interface SessionDeps {
  provider: ResolvedProvider;
  storage: TokenStorage;
  ctx: StorageContext;
  fetch: typeof fetch;
  now: () => number;
  loginPath: string;
  /** Apply the request's not-yet-applied cookie changes to a response. */
  commit(response: Response): Response;
  /** Refresh `token`: one refresh at a time per refresh token, across requests. */
  refresh(token: Token): Promise<Token>;
  debug(record: DebugRecord): void;
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

  /** True when a token is stored (Flask-Dance: an access token is present). Expiry is not checked. */
  get authorized(): boolean {
    return this.#token !== null;
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
   * The login URL that comes back to `next` (a same-origin path) after the dance.
   *
   * @example
   * ```ts
   * Response.redirect(new URL(session.loginUrlFor("/settings"), request.url));
   * ```
   */
  loginUrlFor(next: string): string {
    return `${this.#deps.loginPath}?next=${encodeURIComponent(next)}`;
  }

  /**
   * Fetch with the token attached. A relative URL resolves against the provider's API base
   * URL (RFC 3986); the token is only ever sent to the provider's API origins. An expired
   * token is refreshed first (once, even for concurrent calls) when the provider allows it.
   *
   * @example
   * ```ts
   * const repos = await (await github.fetch("/user/repos?per_page=5")).json();
   * ```
   * @throws {DanceError} `not_authorized`, `reauth_required`, `origin_not_allowed`, `provider_unavailable`
   * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
   */
  async fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const token = await this.#freshToken();
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
    request.headers.set("authorization", `${provider.tokenScheme} ${token.access_token}`);
    if (provider.def.hooks?.apiRequest) request = await provider.def.hooks.apiRequest(request, { token, clientId: provider.clientId });
    return this.#deps.fetch(request);
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
    if (token.expires_at === undefined) return token;
    const nowS = this.#deps.now() / 1000;
    if (token.expires_at - REFRESH_LEEWAY_S > nowS) return token;
    const canRefresh = this.#deps.provider.refreshEnabled && typeof token.refresh_token === "string" && token.refresh_token !== "";
    if (!canRefresh) {
      if (token.expires_at > nowS) return token;
      throw new DanceError("reauth_required", `The ${this.provider} token expired and cannot be refreshed: log in again.`, { provider: this.provider });
    }
    this.#refreshing ??= this.#refresh(token).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(old: Token): Promise<Token> {
    const { provider, storage, ctx } = this.#deps;
    let fresh: Token;
    try {
      fresh = await this.#deps.refresh(old);
    } catch (error) {
      const danceError = error instanceof DanceError ? error : new DanceError("reauth_required", `Refreshing the ${provider.id} token failed.`, { provider: provider.id, cause: error });
      if (danceError.code === "reauth_required") {
        // Refused for good (invalid_grant & co.): drop the token so the app sends the user to log in, not into a loop.
        await storage.delete(ctx);
        this.#token = null;
      }
      this.#deps.debug({ event: "refresh_failed", provider: provider.id, code: danceError.code });
      throw danceError;
    }
    await storage.set(ctx, fresh);
    this.#token = fresh;
    this.#deps.debug({ event: "refreshed", provider: provider.id });
    return fresh;
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
    await this.#deps.storage.set(this.#deps.ctx, stored);
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
    await this.#deps.storage.delete(this.#deps.ctx);
    this.#token = null;
  }

  /**
   * Revoke the token at the provider (RFC 7009), then delete it.
   *
   * @example
   * ```ts
   * await session.revoke(); // the provider forgets the grant; the cookie is cleared
   * ```
   * @throws {DanceError} `unsupported_operation` when the provider has no revocation endpoint.
   * @see https://www.rfc-editor.org/rfc/rfc7009
   */
  async revoke(): Promise<void> {
    const token = this.#token;
    if (!token) return;
    const { provider } = this.#deps;
    const metadata = await provider.metadata();
    if (!metadata.as.revocation_endpoint) {
      throw new DanceError("unsupported_operation", `${provider.id} has no token revocation endpoint.`, { provider: provider.id });
    }
    try {
      const response = await oauth.revocationRequest(metadata.as, provider.client(), provider.clientAuth, token.refresh_token ?? token.access_token, provider.httpOptions());
      await oauth.processRevocationResponse(response);
    } catch (cause) {
      throw new DanceError("provider_unavailable", `Revoking the ${provider.id} token failed.`, { provider: provider.id, cause });
    }
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

/** Let `session` hold `token` in memory, not stored (the `authorized` event). @internal */
export function holdInMemory(session: ProviderSession, token: Token): void {
  holdToken(session, token);
}
