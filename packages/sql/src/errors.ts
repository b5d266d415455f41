/**
 * The storage's own errors. Dance wraps whatever a storage throws into a `DanceError` with code
 * `storage_failed` (the `error` event, then the error page or redirect — never a 500); this is
 * its `cause` when the storage itself refused.
 *
 * @module
 */

/**
 * Stable codes of {@link StorageError}.
 *
 * @example
 * ```ts
 * if (error instanceof StorageError && error.code === "lock_timeout") retryLater();
 * ```
 * @see {@link StorageError}
 */
export type StorageErrorCode =
  /** `userRequired` is on and the visitor is anonymous. */
  | "user_required"
  /** The lock of a token was not obtained in time. */
  | "lock_timeout"
  /** The database is not one this storage knows (SQLite, PostgreSQL, D1). */
  | "unsupported_dialect";

/**
 * An error of `@dance/sql`, with a stable `code`.
 *
 * @example
 * ```ts
 * dance.on("error", ({ danceError }) => {
 *   if (danceError.code === "storage_failed" && danceError.cause instanceof StorageError && danceError.cause.code === "user_required") {
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
