/**
 * Every failure Dance reports carries a stable `code`. Codes are part of the public API:
 * assert on them, switch on them, show them; never parse messages.
 *
 * @module
 */

/** The stable codes of {@link DanceError}, with the HTTP status the handler answers. */
export const ERROR_STATUS = {
  /** The callback carried no `state` parameter. */
  state_missing: 403,
  /** The callback `state` differs from the one sealed in the login transaction. */
  state_mismatch: 403,
  /** No (readable) login transaction cookie for this provider: the login did not start here, or it was already used. */
  missing_transaction: 400,
  /** The login transaction is older than its lifetime (10 minutes by default). */
  transaction_expired: 400,
  /** The login transaction lacks a field it must carry (PKCE verifier, nonce, …), or belongs to another provider. */
  invalid_transaction: 400,
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
  /** The provider could not be reached, timed out, or answered with a server error / non-protocol body. */
  provider_unavailable: 502,
  /** OpenID discovery failed or returned metadata for another issuer. */
  discovery_failed: 502,
  /** The token expired and could not be refreshed: the user must log in again. */
  reauth_required: 401,
  /** No token is stored for this provider. */
  not_authorized: 401,
  /** The storage refused to store the token. */
  storage_failed: 500,
  /** A request to an origin the session does not attach its token to. */
  origin_not_allowed: 400,
  /** The provider does not support the requested operation (e.g. token revocation). */
  unsupported_operation: 400,
} as const;

/** A stable error code, see {@link ERROR_STATUS}. */
export type DanceErrorCode = keyof typeof ERROR_STATUS;

/** Options of {@link DanceError}. */
export interface DanceErrorOptions {
  /** The provider id the failure belongs to. */
  provider?: string | undefined;
  /** The underlying error (e.g. an oauth4webapi or jose error). Never shown to a browser. */
  cause?: unknown;
  /** For `provider_error`: the provider's `error`, `error_description` (capped) and `error_uri`. */
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
 * The one error type of a failed dance. `code` is stable; `status` is the HTTP status the
 * handler answers with; `expose` says whether `message` is safe to show to a browser
 * (it never contains secrets, codes, verifiers or tokens).
 *
 * @example
 * ```ts
 * try { await session.fetch("/user") } catch (e) {
 *   if (e instanceof DanceError && e.code === "reauth_required") return Response.redirect(session.loginUrl)
 * }
 * ```
 */
export class DanceError extends Error {
  override name = "DanceError";
  /** The stable code. */
  readonly code: DanceErrorCode;
  /** The HTTP status the handler answers with. */
  readonly status: number;
  /** Whether `message` may be shown to the browser. Always true: messages never carry secrets. */
  readonly expose = true;
  /** The provider id, when the failure belongs to one. */
  readonly provider: string | undefined;
  /** For `provider_error` and some `token_exchange_failed`: what the provider said. */
  readonly providerError: ProviderErrorDetails | undefined;

  constructor(code: DanceErrorCode, message: string, options: DanceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.provider = options.provider;
    this.providerError = options.providerError;
  }
}

/**
 * Thrown once, by `createDance()` (or `dance.ready()`), when the configuration cannot work.
 * The message says what to set. A `TypeError`, like oauth4webapi's argument errors.
 */
export class DanceConfigError extends TypeError {
  override name = "DanceConfigError";
  /** Always `ERR_DANCE_CONFIG`. */
  readonly code = "ERR_DANCE_CONFIG" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True when `value` is a {@link DanceError}, optionally with the given code. */
export function isDanceError(value: unknown, code?: DanceErrorCode): value is DanceError {
  return value instanceof DanceError && (code === undefined || value.code === code);
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Cap and clean text that came from a provider so it is safe to log, show and store. */
export function cleanProviderText(value: string | null | undefined, max = 256): string | undefined {
  if (value == null || value === "") return undefined;
  const cleaned = value.replace(CONTROL, " ").trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** Escape text for HTML bodies and attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
