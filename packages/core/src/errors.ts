/**
 * The one error model of Dance: every failure a user can meet is a {@link DanceError} with a
 * stable snake_case `code`. Codes are public API: assert on them, switch on them, show them;
 * never parse messages.
 *
 * @module
 */

/**
 * The stable codes of {@link DanceError}, with the HTTP status the handler answers.
 *
 * @example
 * ```ts
 * ERROR_STATUS.state_mismatch // 403
 * ```
 */
export const ERROR_STATUS = {
  /** The callback carried no `state` parameter. */
  state_missing: 403,
  /** The callback `state` differs from every login this browser started with the provider. */
  state_mismatch: 403,
  /** No (readable) login transaction cookie for this provider: the login did not start here, or it was already used. */
  missing_transaction: 400,
  /** The login transaction is older than its lifetime (10 minutes by default). */
  transaction_expired: 400,
  /** The login transaction lacks a field it must carry (PKCE verifier, nonce, …), or belongs to another provider. */
  invalid_transaction: 400,
  /** The app is served over plain http off loopback: the browser dropped Dance's `Secure` login cookie. */
  insecure_origin: 400,
  /** The callback `iss` (RFC 9207) differs from the provider's issuer. */
  issuer_mismatch: 400,
  /** The callback is not a valid authorization-code response (no `code`, or an implicit/hybrid `token`/`id_token`). */
  invalid_callback: 400,
  /** The provider answered the authorization request with `error=…` (e.g. `access_denied`). */
  provider_error: 400,
  /** The token endpoint refused the code (e.g. `invalid_grant`) or answered something that is not a token. */
  token_exchange_failed: 400,
  /** The id_token failed validation (signature, iss, aud, exp, iat, nonce, sub). */
  id_token_invalid: 400,
  /** The provider could not be reached, timed out, or answered with a server error / non-protocol body. Retryable. */
  provider_unavailable: 502,
  /** OpenID discovery failed or returned metadata for another issuer. */
  discovery_failed: 502,
  /** The token expired and could not be refreshed: the user must log in again. */
  reauth_required: 401,
  /** No token is stored for this provider. */
  not_authorized: 401,
  /** The storage failed to read, store or delete a token. Nothing was stored. Retryable. */
  storage_failed: 503,
  /** A request to an origin the session does not attach its token to. */
  origin_not_allowed: 400,
  /** The provider does not support the requested operation (e.g. token revocation). */
  unsupported_operation: 400,
  /** The configuration cannot work; the message says what to set. Thrown at start-up (or, for per-request configuration, on first use of an env). */
  invalid_config: 500,
  /** A provider id that is not configured was passed to `session`, `guard`, `on`, … */
  unknown_provider: 500,
} as const;

/** A stable error code, see {@link ERROR_STATUS}. */
export type DanceErrorCode = keyof typeof ERROR_STATUS;

/** Options of {@link DanceError}. */
export interface DanceErrorOptions {
  /** The provider id the failure belongs to. */
  provider?: string | undefined;
  /** The underlying error (e.g. a fetch or jose error). Never shown to a browser. */
  cause?: unknown;
  /** For `provider_error` and `token_exchange_failed`: what the provider said. */
  providerError?: ProviderErrorDetails | undefined;
}

/** What a provider said when it refused: `error`, `error_description`, `error_uri`. */
export interface ProviderErrorDetails {
  /** The provider's error code, e.g. `access_denied`, `invalid_grant`. */
  error: string;
  /** Human-readable text from the provider: control characters stripped, at most 256 characters. */
  description: string | undefined;
  /** A URL with more information, if the provider sent an http(s) one. */
  uri: string | undefined;
}

/**
 * The one error type of Dance. `code` is stable; `status` is the HTTP status the handler
 * answers with; `expose` says whether `message` may be shown to a browser — true for what
 * happened during a dance (its messages never carry secrets, codes, verifiers or tokens),
 * false for configuration and programming errors, whose messages are for the operator's log.
 *
 * @example
 * ```ts
 * try {
 *   await session.fetch("/user");
 * } catch (error) {
 *   if (isDanceError(error, "reauth_required")) return Response.redirect(new URL(session.loginUrl, request.url));
 *   throw error;
 * }
 * ```
 */
export class DanceError extends Error {
  override name = "DanceError";
  /** The stable code. */
  readonly code: DanceErrorCode;
  /** The HTTP status the handler answers with. */
  readonly status: number;
  /** Whether `message` may be shown to the browser. */
  readonly expose: boolean;
  /** The provider id, when the failure belongs to one. */
  readonly provider: string | undefined;
  /** For `provider_error` and some `token_exchange_failed`: what the provider said. */
  readonly providerError: ProviderErrorDetails | undefined;

  constructor(code: DanceErrorCode, message: string, options: DanceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.expose = code !== "invalid_config" && code !== "unknown_provider";
    this.provider = options.provider;
    this.providerError = options.providerError;
  }
}

/**
 * A configuration that cannot work (`invalid_config`) or an unknown provider id
 * (`unknown_provider`). Thrown once, by `createDance()` (or `dance.ready()`, or where the guard
 * is created), never per request. The message says what to set.
 *
 * @example
 * ```ts
 * createDance({ secret: "short", providers: [github()] }); // throws: secret is 5 characters; it must be at least 32…
 * ```
 */
export class DanceConfigError extends DanceError {
  override name = "DanceConfigError";
  declare readonly code: "invalid_config" | "unknown_provider";
  constructor(message: string, options: { cause?: unknown; code?: "invalid_config" | "unknown_provider"; provider?: string } = {}) {
    super(options.code ?? "invalid_config", message, options);
  }
}

/**
 * Stable codes of {@link StorageError}.
 *
 * @example
 * ```ts
 * if (error instanceof StorageError && error.code === "lock_timeout") retryLater();
 * ```
 */
export type StorageErrorCode =
  /** `userRequired` is on and the visitor is anonymous. */
  | "user_required"
  /** The lock of a token was not obtained in time. */
  | "lock_timeout"
  /** The database is not one `@dance/sql` knows (SQLite, PostgreSQL, D1). */
  | "unsupported_dialect";

/**
 * A storage's own refusal, with a stable `code`: one class for every storage (`@dance/sql`,
 * `@dance/kv` and their re-exports are this class), so one `instanceof` check serves them all.
 * Dance wraps whatever a storage throws into a {@link DanceError} with code `storage_failed`
 * (the `error` event, then the error page or redirect — never a 500); this is its `cause`
 * when the storage itself refused.
 *
 * @example
 * ```ts
 * dance.on("error", ({ danceError }) => {
 *   if (danceError.cause instanceof StorageError && danceError.cause.code === "user_required") {
 *     return Response.redirect(new URL("/sign-in", "https://app.example.com"), 303);
 *   }
 * });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6 (why refreshes are locked)
 */
export class StorageError extends Error {
  /** The stable code. */
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageError";
    this.code = code;
  }
}

/**
 * True when `value` is a {@link DanceError}, optionally with the given code.
 *
 * @example
 * ```ts
 * if (isDanceError(error, "provider_unavailable")) return new Response("Try again", { status: 503 });
 * ```
 */
export function isDanceError(value: unknown, code?: DanceErrorCode): value is DanceError {
  return value instanceof DanceError && (code === undefined || value.code === code);
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Cap and clean text that came from a provider so it is safe to log, show and store. @internal */
export function cleanProviderText(value: string | null | undefined, max = 256): string | undefined {
  if (value == null || value === "") return undefined;
  const cleaned = value.replace(CONTROL, " ").trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/**
 * Escape text for HTML bodies and attributes (`& < > " '`).
 *
 * @example
 * ```ts
 * `<p>${escapeHtml(userInput)}</p>`
 * ```
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
