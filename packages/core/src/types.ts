/**
 * The public types of Dance: tokens, provider definitions, storage, events and configuration.
 *
 * @module
 */
import type { DanceError, ProviderErrorDetails } from "./errors.js";
import type { SecretInput } from "./seal.js";

/**
 * A stored token, in the shape Flask-Dance users know (RFC 6749 §5.1 field names).
 * `expires_at` is seconds since the epoch, derived from `expires_in` when the token is stored;
 * on read, `expires_in` is recomputed from `expires_at` (it may be negative).
 */
export interface Token {
  access_token: string;
  /** Lower-cased (`bearer`), as oauth4webapi normalises it. */
  token_type: string;
  refresh_token?: string | undefined;
  expires_in?: number | undefined;
  expires_at?: number | undefined;
  scope?: string | undefined;
  id_token?: string | undefined;
  [extra: string]: unknown;
}

/** A value or a list of values for an authorization parameter; `undefined`/`false`/`""` leave it out. */
export type ParamValue = string | number | boolean | undefined | null;

/** Hooks a provider file uses for its quirks. Everything else about a provider is plain data. */
export interface ProviderHooks {
  /**
   * Rewrite a token endpoint response before it is processed (e.g. GitHub answers errors with
   * HTTP 200). Called for the code exchange and for refreshes.
   */
  tokenResponse?(response: Response): Response | Promise<Response>;
  /** Adjust every API request the session sends (extra headers such as `Client-Id`). */
  apiRequest?(request: Request, context: { token: Token; clientId: string }): Request | Promise<Request>;
}

/**
 * An OAuth 2 / OpenID Connect provider, as plain data. Provider files and the `oauth2()` /
 * `oidc()` factories of `@dance/providers` return this; `createDance()` validates it once.
 */
export interface OAuth2ProviderDefinition {
  /** `"oauth2"`; `"oidc"` adds discovery, id_token validation and nonces. */
  protocol: "oauth2" | "oidc";
  /** URL-safe id: the route segment (`/login/{id}`) and the env-name prefix. */
  id: string;
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
  /** The OpenID userinfo endpoint. */
  userinfoUrl?: string | undefined;
  /** RFC 7009 token revocation endpoint; enables `session.revoke()`. */
  revocationUrl?: string | undefined;
  /** Relative URLs in `session.fetch` resolve against this (RFC 3986). */
  apiBaseUrl?: string | undefined;
  /** Further origins `session.fetch` may attach the token to (the API base, userinfo and issuer origins always are). */
  apiOrigins?: readonly string[] | undefined;
  /** Scopes to request; a string is split on spaces. */
  scope?: readonly string[] | string | undefined;
  /** Extra authorization request parameters; falsy values are left out (as oauthlib does). */
  authorizationParams?: Readonly<Record<string, ParamValue>> | undefined;
  /** How the client authenticates at the token endpoint. Default `client_secret_basic`. */
  clientAuth?: "client_secret_basic" | "client_secret_post" | "none" | undefined;
  /** Refresh expired tokens automatically (needs a refresh_token). `url` defaults to the token endpoint. */
  refresh?: boolean | { url?: string; params?: Readonly<Record<string, string>> } | undefined;
  /** `form_post` providers call back with POST (their cookies need SameSite=None). */
  responseMode?: "query" | "form_post" | undefined;
  /** Accepted id_token signature algorithms. Default: the asymmetric JWS algorithms. */
  idTokenAlgorithms?: readonly string[] | undefined;
  /** Audiences besides the client id that an id_token may carry. */
  trustedAudiences?: readonly string[] | undefined;
  /** The `Authorization` scheme for API calls when the token has no `token_type`. Default `Bearer`. */
  tokenScheme?: string | undefined;
  /** Allow plain-http endpoints. Loopback hosts (127.0.0.1, localhost, ::1) are always allowed. */
  allowInsecureRequests?: boolean | undefined;
  /** Quirk hooks, in the provider's own file. */
  hooks?: ProviderHooks | undefined;
}

/** Any provider definition. (OAuth 1 arrives as a further member of this union.) */
export type ProviderDefinition = OAuth2ProviderDefinition;

/** What a storage is told about the token it reads or writes. */
export interface StorageContext {
  /** The provider id. */
  readonly provider: string;
  /** The incoming request. */
  readonly request: Request;
  /** The current user, from `config.user(request)`, for multi-user storages. */
  readonly user: unknown;
  /** The cookies of the request and the response being built. */
  readonly cookies: CookieJar;
}

/** Where tokens live. Dance ships cookie (default), memory and null storages. */
export interface TokenStorage {
  get(ctx: StorageContext): Promise<Token | null>;
  set(ctx: StorageContext, token: Token): Promise<void>;
  delete(ctx: StorageContext): Promise<void>;
}

/** Read the request's cookies and queue `Set-Cookie` headers for the response. */
export interface CookieJar {
  /** Whether cookies set for this request get `Secure` (and the `__Host-` prefix). */
  readonly secure: boolean;
  /** The raw value of a request cookie (after any change queued in this request). */
  get(name: string): string | undefined;
  /** Queue a cookie. */
  set(name: string, value: string, options?: import("./cookies.js").CookieOptions): void;
  /** Queue a deletion. */
  delete(name: string, options?: import("./cookies.js").CookieOptions): void;
  /** Seal `value` for `purpose` into the cookie `name`, split into chunks below 4096 bytes when needed. */
  setSealed(name: string, purpose: string, value: unknown, maxAgeSeconds: number, options?: import("./cookies.js").CookieOptions): Promise<void>;
  /** Open a (possibly chunked) sealed cookie. `stale` → sealed with an older secret. Never throws. */
  getSealed<T>(name: string, purpose: string): Promise<{ value: T; stale: boolean } | null>;
  /** Delete a (possibly chunked) sealed cookie. */
  deleteSealed(name: string): void;
  /** The queued `Set-Cookie` header values. */
  readonly pending: readonly string[];
}

/** Arguments of the `beforeLogin` event. */
export interface BeforeLoginEvent {
  provider: string;
  /** The provider URL the browser is about to be sent to. */
  url: URL;
  request: Request;
}

/** Arguments of the `authorized` event. */
export interface AuthorizedEvent {
  provider: string;
  token: Token;
  request: Request;
  /** The session of this provider for this request: call `setToken` yourself if you return a Response. */
  session: import("./session.js").ProviderSession;
  /** Validated id_token claims, for OpenID providers. */
  claims: Readonly<Record<string, unknown>> | undefined;
  /** Where the dance will redirect. */
  returnTo: string;
}

/** Arguments of the `error` event: the provider refused (`error=…` on the callback, or at the token endpoint). */
export interface ErrorEvent extends ProviderErrorDetails {
  provider: string;
  request: Request;
  /** The Dance error, with its stable code (`provider_error` or `token_exchange_failed`). */
  danceError: DanceError;
}

/** Event handlers. Returning a Response from `authorized` or `error` sends it instead. */
export interface DanceEvents {
  beforeLogin?(event: BeforeLoginEvent): void | Promise<void>;
  /** Return `false` to not store the token; return a Response to send it instead (the token is then not stored). */
  authorized?(event: AuthorizedEvent): void | boolean | Response | Promise<void | boolean | Response>;
  error?(event: ErrorEvent): void | Response | Promise<void | Response>;
}

/** Names of the events. */
export type DanceEventName = keyof DanceEvents;

/** A debug record: never contains secrets, codes, verifiers or tokens. */
export interface DebugRecord {
  event: string;
  provider?: string | undefined;
  [detail: string]: unknown;
}

/** The configuration of {@link createDance}. It is never mutated. */
export interface DanceConfig {
  /** ≥ 32 characters, or `{ 2: "new…", 1: "old…" }` to rotate. Defaults to the `DANCE_SECRET` env variable. */
  secret?: SecretInput | undefined;
  /** Where the routes live: `GET {basePath}/{id}`, `GET|POST {basePath}/{id}/authorized`. Default `/login`. */
  basePath?: string | undefined;
  /** The providers. */
  providers: readonly ProviderDefinition[];
  /** Where to go after the dance (Flask-Dance `redirect_url`). A same-origin path or an allowed origin. Default `/`. */
  redirectTo?: string | undefined;
  /** Where a failed dance redirects (with `?error=<code>&provider=<id>`). Default: an error page with the status of the error. */
  errorRedirectTo?: string | undefined;
  /** Absolute origins (besides the app's own) that `?next=` and `redirectTo` may point to. */
  allowedRedirectOrigins?: readonly string[] | undefined;
  /** The app's public origin (`https://app.example.com`); otherwise taken from the request. */
  baseUrl?: string | undefined;
  /** Honour `X-Forwarded-Proto` / `X-Forwarded-Host`. Only behind a proxy that sets them. */
  trustProxy?: boolean | undefined;
  /** Where tokens live. Default: encrypted cookies. */
  storage?: TokenStorage | undefined;
  /** The current user, for multi-user storages. */
  user?: ((request: Request) => unknown) | undefined;
  /** Event handlers for every provider. */
  on?: DanceEvents | undefined;
  /** Token cookie lifetime in seconds. Default 30 days. */
  tokenMaxAge?: number | undefined;
  /** Login transaction lifetime in seconds. Default 600. */
  transactionMaxAge?: number | undefined;
  /** Timeout for each request to a provider, in milliseconds. Default 10 000. */
  timeout?: number | undefined;
  /** The fetch used for provider calls (token, discovery, JWKS, API). Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Where `<ID>_OAUTH_CLIENT_ID` & co. are read. Default `process.env` where it exists. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Receives debug records (they never contain secrets or tokens). */
  debug?: ((record: DebugRecord) => void) | undefined;
  /** A clock, for tests. Milliseconds since the epoch. */
  now?: (() => number) | undefined;
}
