/**
 * The public data types of Dance: tokens, provider definitions and storage. (Events are in
 * `events.ts`, the configuration in `config.ts`.)
 *
 * @module
 */
import type { CookieOptions } from "./cookies.js";

/**
 * A stored token, in the shape Flask-Dance users know (RFC 6749 §5.1 field names), plus
 * whatever else the provider answered (`user_id`, `id_token`, …).
 *
 * An OAuth 1.0a token keeps the provider's own fields — `oauth_token`, `oauth_token_secret`,
 * `user_id`, `screen_name`, … — and carries `access_token` (= `oauth_token`) and `token_type:
 * "oauth1"` too, so every storage keeps it like any other token.
 *
 * @example
 * ```ts
 * const { access_token, expires_in, scope } = session.token!;
 * const { oauth_token, screen_name } = (await dance.session(request, "twitter")).token!;
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2.3 (OAuth 1.0a token credentials)
 */
export interface Token {
  /** The access token the session attaches to API calls. */
  access_token: string;
  /** Lower-cased (`bearer`); `oauth1` for OAuth 1.0a tokens. */
  token_type: string;
  /** Present when the provider issued one; used by automatic refresh. */
  refresh_token?: string | undefined;
  /** Seconds until expiry. On read recomputed as `expires_at - now` (may be negative), as Flask-Dance does. */
  expires_in?: number | undefined;
  /** Expiry as seconds since the epoch, derived from `expires_in` when the token is stored. */
  expires_at?: number | undefined;
  /** The granted scope (space-separated), when the provider says. */
  scope?: string | undefined;
  /** The OpenID Connect id_token, verified when it was received. */
  id_token?: string | undefined;
  /** Anything else the token endpoint answered. */
  [extra: string]: unknown;
}

/** A value for an authorization parameter; `undefined`/`null`/`false`/`""` leave it out (as oauthlib does). */
export type ParamValue = string | number | boolean | undefined | null;

/** A token endpoint answer, parsed once: what {@link ProviderHooks.tokenResponse} sees and returns. */
export interface TokenAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** The body, parsed from JSON or from a form-encoded body. */
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * Hooks a provider file uses for its quirks. Everything else about a provider is plain data.
 *
 * @example
 * ```ts
 * // GitHub answers token errors with HTTP 200:
 * const hooks: ProviderHooks = {
 *   tokenResponse: (answer) => (answer.status === 200 && typeof answer.body.error === "string" ? { ...answer, status: 400 } : answer),
 * };
 * ```
 */
export interface ProviderHooks {
  /** Adjust a token endpoint answer before it is checked. Called for the code exchange and for refreshes. */
  tokenResponse?(answer: TokenAnswer): TokenAnswer;
  /** Adjust every API request the session sends (extra headers such as `Client-Id`). */
  apiRequest?(request: Request, context: { token: Token; clientId: string }): Request | Promise<Request>;
  /**
   * Adjust the authorization URL for a provider that names its parameters its own way
   * (TikTok's `client_key`). Runs after Dance set its own parameters; keep state, PKCE and
   * nonce as they are.
   */
  authorizationRequest?(url: URL, context: { clientId: string }): void;
  /**
   * Adjust every request to the token endpoint (code exchange, refresh, revocation) after the
   * client authentication is applied: body fields a provider names its own way, extra headers.
   */
  tokenRequest?(body: URLSearchParams, headers: Headers, context: { clientId: string }): void | Promise<void>;
  /**
   * The issuer an id_token must name, for providers whose issuer depends on the user
   * (Microsoft Entra ID's multi-tenant endpoints: `https://login.microsoftonline.com/{tid}/v2.0`,
   * with `tid` from the token). Given the token's unverified claims and the configured issuer;
   * return the expected one (the signature, audience and the rest are checked as always).
   */
  idTokenIssuer?(claims: Readonly<Record<string, unknown>>, configured: string): string;
  /**
   * Fields to keep in the token from the callback's own parameters (Sign in with Apple sends the
   * user's name once, as `user` in the form_post). Return only what the provider documents;
   * Dance caps the callback's size already.
   */
  callbackExtras?(params: URLSearchParams): Readonly<Record<string, unknown>> | undefined;
  /**
   * A client secret made per use, for providers whose secret is a signed JWT (Sign in with
   * Apple: ES256, renewed before it expires). Used instead of `clientSecret`.
   */
  clientSecret?(context: { clientId: string; now: number }): Promise<string>;
  /**
   * Revoke a token where the provider does it its own way (GitHub deletes the grant through
   * its REST API); without it, `session.revoke()` uses the RFC 7009 `revocationUrl`. Throw
   * to report a failure.
   */
  revoke?(token: Token, context: RevokeContext): Promise<void>;
}

/** What a provider's {@link ProviderHooks.revoke} hook is given. */
export interface RevokeContext {
  clientId: string;
  /** The client secret (never log it). */
  clientSecret: string | undefined;
  /** Dance's fetch (with its timeout). */
  fetch: typeof fetch;
}

/**
 * An OAuth 2 / OpenID Connect provider, as plain data. Provider files and the `oauth2()` /
 * `oidc()` factories of `@dance/providers` return this; `createDance()` validates it once.
 * `Id` is the provider's id as a literal type, so `dance.session(request, "githbu")` does not
 * type-check.
 *
 * @example
 * ```ts
 * const acme: OAuth2ProviderDefinition<"acme"> = {
 *   protocol: "oauth2",
 *   id: "acme",
 *   authorizationUrl: "https://auth.acme.test/authorize",
 *   tokenUrl: "https://auth.acme.test/token",
 *   apiBaseUrl: "https://api.acme.test/v1/",
 * };
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749
 */
export interface OAuth2ProviderDefinition<Id extends string = string> {
  /** `"oauth2"`; `"oidc"` adds discovery, id_token validation and nonces. */
  protocol: "oauth2" | "oidc";
  /** URL-safe id: the route segment (`/login/{id}`) and the env-name prefix. */
  id: Id;
  /** Display name, e.g. "GitHub". */
  name?: string | undefined;
  /** Defaults to the `<ID>_OAUTH_CLIENT_ID` environment variable. */
  clientId?: string | undefined;
  /** Defaults to the `<ID>_OAUTH_CLIENT_SECRET` environment variable. Omit for public clients with `clientAuth: "none"`. */
  clientSecret?: string | undefined;
  /** Environment variable names to read the client credentials from. */
  env?: { clientId?: string; clientSecret?: string } | undefined;
  /** The authorization endpoint. Optional for `oidc` with discovery. */
  authorizationUrl?: string | undefined;
  /** The token endpoint. Optional for `oidc` with discovery. */
  tokenUrl?: string | undefined;
  /** The issuer identifier: required for `oidc`; for `oauth2`, set it to check RFC 9207 `iss`. */
  issuer?: string | undefined;
  /** `oidc` only: fetch `{issuer}/.well-known/openid-configuration` (default true when endpoints are not pinned). */
  discovery?: boolean | undefined;
  /** The JWKS used to verify id_token signatures (from discovery for `oidc`). */
  jwksUrl?: string | undefined;
  /**
   * `oidc` only: the id_token verifier, `openidConnect` from `@dance/core/oidc` (required). The
   * `oidc()` factory and the OpenID presets of `@dance/providers` set it; a definition written by
   * hand sets it itself.
   */
  support?: ProtocolSupport<"openid"> | undefined;
  /** The OpenID userinfo endpoint. */
  userinfoUrl?: string | undefined;
  /** RFC 7009 token revocation endpoint; enables `session.revoke()`. */
  revocationUrl?: string | undefined;
  /** Relative URLs in `session.fetch` resolve against this (RFC 3986). */
  apiBaseUrl?: string | undefined;
  /** Further origins `session.fetch` may attach the token to (the API base and userinfo origins always are). */
  apiOrigins?: readonly string[] | undefined;
  /** Scopes to request; a string is split on spaces. */
  scope?: readonly string[] | string | undefined;
  /** How the provider joins scopes in the authorization request. Default `" "` (RFC 6749 §3.3); Facebook, Strava, Zoho … want `","`. */
  scopeSeparator?: string | undefined;
  /** Extra authorization request parameters (Flask-Dance's `authorization_url_params`); falsy values are left out. */
  authorizationParams?: Readonly<Record<string, ParamValue>> | undefined;
  /** Extra parameters of the code exchange (Flask-Dance's `token_url_params`). */
  tokenParams?: Readonly<Record<string, string>> | undefined;
  /** How the client authenticates at the token endpoint. Default `client_secret_basic`. */
  clientAuth?: "client_secret_basic" | "client_secret_post" | "none" | undefined;
  /**
   * With `client_secret_basic`: send the id and secret in the Basic header as they are, not
   * form-encoded first as RFC 6749 §2.3.1 requires — for providers that do not decode them
   * (what Flask-Dance / requests send). Only set it where the provider's docs show it.
   */
  basicAuthRaw?: boolean | undefined;
  /** Refresh expired tokens automatically (needs a refresh_token). `url` defaults to the token endpoint. */
  refresh?: boolean | { url?: string; params?: Readonly<Record<string, string>> } | undefined;
  /** `form_post` providers call back with a cross-site POST (Sign in with Apple): see the handler's POST callback. */
  responseMode?: "query" | "form_post" | undefined;
  /** Accepted id_token signature algorithms. Default: the asymmetric JWS algorithms. */
  idTokenAlgorithms?: readonly string[] | undefined;
  /** Audiences besides the client id that an id_token may carry. */
  trustedAudiences?: readonly string[] | undefined;
  /** The `Authorization` scheme of API calls (e.g. Zoho's `Zoho-oauthtoken`). Default `Bearer`. */
  tokenScheme?: string | undefined;
  /** Headers every API call carries (Heroku's versioned `Accept`, Reddit's `User-Agent`); the app's own headers win. */
  apiHeaders?: Readonly<Record<string, string>> | undefined;
  /** Headers of every request to the provider's token, discovery and revocation endpoints (Reddit's `User-Agent`). */
  tokenHeaders?: Readonly<Record<string, string>> | undefined;
  /**
   * `false`: leave PKCE out, for a provider that refuses a `code_verifier` (LinkedIn's web
   * apps answer `invalid_client`). The state still binds the callback to the browser, but an
   * intercepted code is then redeemable by whoever holds the client secret: only where the
   * provider's docs leave no other way.
   * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1
   */
  pkce?: false | undefined;
  /** `false`: an OpenID provider that does not echo a nonce (LinkedIn): none is sent, and an id_token without one is accepted. */
  nonce?: false | undefined;
  /** Allow plain-http endpoints. Loopback hosts (127.0.0.1, localhost, ::1) are always allowed. */
  allowInsecureRequests?: boolean | undefined;
  /** This provider's login route (Flask-Dance's `login_url`), an absolute path. Default `{basePath}/{id}`. */
  loginPath?: string | undefined;
  /** This provider's callback route (Flask-Dance's `authorized_url`), an absolute path. Default `{basePath}/{id}/authorized`. */
  callbackPath?: string | undefined;
  /** Where this provider's dance ends (Flask-Dance's `redirect_url`). Default: the Dance's `redirectTo`. */
  redirectTo?: string | undefined;
  /** Quirk hooks, in the provider's own file. */
  hooks?: ProviderHooks | undefined;
  /** What the provider documents (its docs, refresh behaviour), for the catalogue and the providers page. Not used at run time. */
  facts?: ProviderFacts | undefined;
}

/**
 * What a provider documents about itself, kept next to its endpoints: where its docs are and
 * how its tokens behave — the table users keep tripping over.
 *
 * @example
 * ```ts
 * const facts: ProviderFacts = {
 *   docs: "https://docs.gitlab.com/api/oauth2/",
 *   refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours." },
 * };
 * ```
 */
export interface ProviderFacts {
  /** The provider's own documentation of its OAuth / OpenID Connect endpoints. */
  docs: string;
  /** Refresh behaviour. */
  refresh: {
    /** Does it issue refresh tokens: "yes", "no", or the condition ("with offline_access", "with access_type=offline"). */
    refreshTokens: string;
    /** Does a refresh return a new refresh token and invalidate the old one. */
    rotates: "yes" | "no" | "unknown";
    /** Does the token response carry `expires_in`: "yes", "no", or the condition. */
    expiresIn: string;
    /** Anything else worth knowing (lifetimes). */
    notes?: string | undefined;
  };
  /** The HTTP status of token endpoint errors when it is not 400 (GitHub answers them with 200). */
  tokenErrorStatus?: number | undefined;
}

/**
 * Hooks of an OAuth 1.0a provider file, for its quirks.
 *
 * @example
 * ```ts
 * // Jira's API wants JSON: label bodies the caller did not label.
 * const hooks: OAuth1ProviderHooks = {
 *   apiRequest(request) {
 *     if (request.headers.has("content-type")) return request;
 *     const headers = new Headers(request.headers);
 *     headers.set("content-type", "application/json");
 *     return new Request(request, { headers });
 *   },
 * };
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.3.1 (which bodies are signed: the content type decides)
 */
export interface OAuth1ProviderHooks {
  /**
   * Adjust every API request the session sends, before it is signed (so a form content type
   * set here puts the body into the signature).
   */
  apiRequest?(request: Request, context: { token: Token; clientKey: string }): Request | Promise<Request>;
  /**
   * Read the RSA private key when the configured `rsaKey` is not PEM text but a file path
   * (Flask-Dance's Jira reads a path "if it exists"). Core never touches a file system itself:
   * `@dance/providers` supplies `readKeyFile`, which works where `node:fs` exists (Node, Deno,
   * Bun) and says so clearly elsewhere (Cloudflare Workers).
   */
  rsaKeyFile?(path: string): Promise<string>;
}

/**
 * An OAuth 1.0a provider (RFC 5849), as plain data: the three endpoints of the dance, the
 * client credentials and how requests are signed. The `oauth1()` factory and the `twitter` and
 * `jira` presets of `@dance/providers` return this; `createDance()` validates it once.
 *
 * @example
 * ```ts
 * import { oauth1Protocol } from "@dance/core/oauth1";
 * const printer: OAuth1ProviderDefinition<"printer"> = {
 *   protocol: "oauth1",
 *   support: oauth1Protocol,
 *   id: "printer",
 *   requestTokenUrl: "https://photos.example.net/initiate",
 *   authorizationUrl: "https://photos.example.net/authorize",
 *   accessTokenUrl: "https://photos.example.net/token",
 *   apiBaseUrl: "https://photos.example.net/",
 * }; // PRINTER_OAUTH_CLIENT_KEY / PRINTER_OAUTH_CLIENT_SECRET, HMAC-SHA1
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2 (the redirection-based authorization)
 */
export interface OAuth1ProviderDefinition<Id extends string = string> {
  /** `"oauth1"`. */
  protocol: "oauth1";
  /**
   * The OAuth 1.0a protocol, `oauth1Protocol` from `@dance/core/oauth1` (required). The `oauth1()`
   * factory and the `twitter` and `jira` presets of `@dance/providers` set it; a definition
   * written by hand sets it itself.
   */
  support: ProtocolSupport<"oauth1">;
  /** URL-safe id: the route segment (`/login/{id}`) and the env-name prefix. */
  id: Id;
  /** Display name, e.g. "Twitter". */
  name?: string | undefined;
  /** The client identifier (`oauth_consumer_key`). Defaults to the `<ID>_OAUTH_CLIENT_KEY` environment variable. */
  clientKey?: string | undefined;
  /** The client shared-secret (HMAC-SHA1, PLAINTEXT). Defaults to the `<ID>_OAUTH_CLIENT_SECRET` environment variable. */
  clientSecret?: string | undefined;
  /**
   * RSA-SHA1: the client's private key as PEM text (PKCS#8 or PKCS#1, unencrypted; `\n`
   * escapes as env files write them are accepted), a WebCrypto `CryptoKey`, or — with a
   * {@link OAuth1ProviderHooks.rsaKeyFile} hook — a file path. Defaults to the
   * `<ID>_OAUTH_RSA_KEY` environment variable.
   */
  rsaKey?: string | CryptoKey | undefined;
  /** Environment variable names to read the credentials from. */
  env?: { clientKey?: string; clientSecret?: string; rsaKey?: string } | undefined;
  /** Default `"HMAC-SHA1"`. `"PLAINTEXT"` is refused unless every endpoint is https. */
  signatureMethod?: "HMAC-SHA1" | "RSA-SHA1" | "PLAINTEXT" | undefined;
  /** The temporary-credentials ("request token") endpoint; its query parameters are signed and sent. */
  requestTokenUrl: string;
  /** Where the user authorizes the request token (`?oauth_token=…`). */
  authorizationUrl: string;
  /** The token-credentials ("access token") endpoint. */
  accessTokenUrl: string;
  /** Relative URLs in `session.fetch` resolve against this (RFC 3986). */
  apiBaseUrl?: string | undefined;
  /** Further origins `session.fetch` may sign requests for (the API base origin always is). */
  apiOrigins?: readonly string[] | undefined;
  /** Extra parameters of the authorization redirect (Flask-Dance's `authorization_url_params`); falsy values are left out. */
  authorizationParams?: Readonly<Record<string, ParamValue>> | undefined;
  /** The `realm` of the `Authorization` header (RFC 5849 §3.5.1), if the provider wants one. */
  realm?: string | undefined;
  /** Send `oauth_version="1.0"`. Default true. */
  includeVersion?: boolean | undefined;
  /** Allow plain-http endpoints. Loopback hosts (127.0.0.1, localhost, ::1) are always allowed. */
  allowInsecureRequests?: boolean | undefined;
  /** This provider's login route (Flask-Dance's `login_url`), an absolute path. Default `{basePath}/{id}`. */
  loginPath?: string | undefined;
  /** This provider's callback route (Flask-Dance's `authorized_url`), an absolute path. Default `{basePath}/{id}/authorized`. */
  callbackPath?: string | undefined;
  /** Where this provider's dance ends (Flask-Dance's `redirect_url`). Default: the Dance's `redirectTo`. */
  redirectTo?: string | undefined;
  /** Quirk hooks, in the provider's own file. */
  hooks?: OAuth1ProviderHooks | undefined;
  /** What the provider documents (its docs; OAuth 1.0a tokens are never refreshed), for the catalogue and the providers page. Not used at run time. */
  facts?: ProviderFacts | undefined;
}

/**
 * Code that only some providers need, carried by their definitions so that a bundle without
 * such a provider leaves it out: OpenID Connect's id_token verification (`openidConnect` from
 * `@dance/core/oidc`, with jose) and the OAuth 1.0a protocol (`oauth1Protocol` from
 * `@dance/core/oauth1`). Opaque: set it, do not call it. `createDance()` refuses an `oidc` or
 * `oauth1` definition without it, saying what to import.
 *
 * @example
 * ```ts
 * import { openidConnect } from "@dance/core/oidc";
 * const company: OAuth2ProviderDefinition<"company"> = {
 *   protocol: "oidc", id: "company", issuer: "https://login.company.test", scope: ["openid", "email"], support: openidConnect,
 * };
 * ```
 */
export interface ProtocolSupport<Kind extends "openid" | "oauth1" = "openid" | "oauth1"> {
  /** What it implements. */
  readonly kind: Kind;
}

/**
 * Any provider definition: OAuth 2 / OpenID Connect, or OAuth 1.0a.
 *
 * @example
 * ```ts
 * const providers: ProviderDefinition<"github" | "twitter">[] = [github(), twitter()];
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749 (OAuth 2) and https://www.rfc-editor.org/rfc/rfc5849 (OAuth 1.0a)
 */
export type ProviderDefinition<Id extends string = string> = OAuth2ProviderDefinition<Id> | OAuth1ProviderDefinition<Id>;

/**
 * Read the request's cookies and queue cookie changes for the response. What a
 * {@link TokenStorage} that keeps its data in cookies needs; nothing more.
 *
 * @example
 * ```ts
 * const theme = ctx.cookies.get("theme");
 * ctx.cookies.set("theme", "dark", { maxAge: 3600 });
 * ```
 */
export interface CookieJar {
  /** Whether cookies set for this request get `Secure` (and the `__Host-` prefix). */
  readonly secure: boolean;
  /** The raw value of a request cookie (after any change queued in this request). */
  get(name: string): string | undefined;
  /** Queue a cookie (HttpOnly, SameSite=Lax, Path=/ unless `options` say otherwise; Secure on https). */
  set(name: string, value: string, options?: CookieOptions): void;
  /** Queue a deletion. */
  delete(name: string, options?: CookieOptions): void;
}

/**
 * What a storage is told about the token it reads or writes.
 *
 * @example
 * ```ts
 * const key = `${ctx.provider}:${ctx.user ?? "anonymous"}`;
 * ```
 */
export interface StorageContext {
  /** The provider id. */
  readonly provider: string;
  /** The incoming request; absent outside a request (`dance.tokenFor()`, background jobs). */
  readonly request: Request | undefined;
  /** The current user: from `config.user(request)`, or the `user` given to `dance.tokenFor()`. */
  readonly user: unknown;
  /** The cookies of the request and the response being built. */
  readonly cookies: CookieJar;
  /** Encryption at rest with the Dance's secrets (the same map and rotation as its cookies). */
  readonly seal: SealBox;
}

/**
 * Authenticated encryption with the Dance's secret map, for storages that keep tokens at rest:
 * the newest secret seals, every configured secret opens, a purpose is bound into each seal.
 *
 * @example
 * ```ts
 * const row = await ctx.seal.seal(`token:${ctx.provider}`, token);     // store `row`
 * const opened = await ctx.seal.open<Token>(`token:${ctx.provider}`, row); // null: wrong secret or tampered
 * if (opened?.stale) { … write it again: it is re-sealed with the newest secret … }
 * ```
 */
export interface SealBox {
  /** Seal `value` for `purpose` with the newest secret (no expiry). */
  seal(purpose: string, value: unknown): Promise<string>;
  /** Open a seal made for `purpose` with any configured secret; null when it cannot be opened. `stale`: an older secret sealed it. */
  open<T = unknown>(purpose: string, sealed: string): Promise<{ value: T; stale: boolean } | null>;
  /** Whether `text` has the form of a seal (it may still fail to open): tells sealed rows from ones written in clear. */
  isSealed(text: string): boolean;
}

/**
 * Where tokens live. Dance ships cookie (default), memory and null storages; `@dance/sql` and
 * `@dance/kv` add databases. Methods throw to report a failure: the dance then ends in the
 * `error` event and the error page or redirect (`storage_failed`), never a half-stored token.
 *
 * @example
 * ```ts
 * const tokens = new Map<string, Token>();
 * const storage: TokenStorage = {
 *   async get(ctx) { return tokens.get(ctx.provider) ?? null; },
 *   async set(ctx, token) { tokens.set(ctx.provider, token); },
 *   async delete(ctx) { tokens.delete(ctx.provider); },
 * };
 * ```
 */
export interface TokenStorage {
  /** The token of `ctx.provider` (and `ctx.user`), or null. */
  get(ctx: StorageContext): Promise<Token | null>;
  /** Store (replace) the token. */
  set(ctx: StorageContext, token: Token): Promise<void>;
  /** Forget the token; deleting a missing token is not an error. */
  delete(ctx: StorageContext): Promise<void>;
  /**
   * Optional: run `fn` holding an exclusive lock on the token of `ctx` (provider and user),
   * shared by every app instance that uses this storage, and release it when `fn` settles —
   * also when it throws. Refresh runs under it: two instances never spend the same refresh
   * token. A lock must not outlive a crashed holder for long (expire it after ~30 s).
   */
  withLock?<T>(ctx: StorageContext, fn: () => Promise<T>): Promise<T>;
  /**
   * Optional: true when `get`/`set`/`delete` work from `ctx.provider` and `ctx.user` alone,
   * without a request (tokens kept by user, not in the browser). `dance.tokenFor()` needs it.
   */
  readonly userKeyed?: boolean;
}

/** A debug record: never contains secrets, codes, verifiers or tokens. */
export interface DebugRecord {
  /** What happened: `login`, `authorized`, `failure`, `refreshed`, `warning`, … */
  event: string;
  /** The provider id, when it concerns one. */
  provider?: string | undefined;
  /** Further details (error codes, counts). */
  [detail: string]: unknown;
}
