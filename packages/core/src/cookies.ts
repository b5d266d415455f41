/**
 * Cookies as data: parsing the `Cookie` header, the structured {@link CookieChange} a request
 * queues, and the one place where changes become `Set-Cookie` header values and reach a
 * `Response` (with `Cache-Control: private, no-store`, so no cache ever stores a seal).
 *
 * @module
 */

/**
 * Attributes of a cookie Dance sets.
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1
 */
export interface CookieOptions {
  /** Seconds until the browser drops it; 0 deletes it. Omitted → a session cookie. */
  maxAge?: number | undefined;
  /** Defaults to `/`. */
  path?: string | undefined;
  /** Defaults to true. */
  httpOnly?: boolean | undefined;
  /** Set on https; off only for plain-http loopback development. */
  secure?: boolean | undefined;
  /** Defaults to `Lax`. */
  sameSite?: "Lax" | "Strict" | "None" | undefined;
  /** Rarely needed; never set for `__Host-` cookies. */
  domain?: string | undefined;
}

/**
 * One cookie change a request makes: set `name` to `value`, or delete it (`value` is `""` and
 * `options.maxAge` is 0). Adapters hand these to their framework (Next.js `cookies().set()`
 * takes them as they are) or turn them into `Set-Cookie` values with {@link setCookieHeader}.
 *
 * @example
 * ```ts
 * for (const c of context.takeCookies()) nextCookies.set(c.name, c.value, c.options);
 * ```
 */
export interface CookieChange {
  /** The cookie name as the browser stores it (with the `__Host-` prefix on https). */
  readonly name: string;
  /** The value; `""` for a deletion. */
  readonly value: string;
  /** Complete attributes: path, HttpOnly, Secure, SameSite and Max-Age are always decided. */
  readonly options: Readonly<CookieOptions>;
}

const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 6265 cookie-octet: no CTLs, whitespace, DQUOTE, comma, semicolon or backslash.
const VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/**
 * Serialise one `Set-Cookie` header value. Throws a TypeError on a name or value a browser
 * would mangle.
 *
 * @example
 * ```ts
 * serializeCookie("theme", "dark", { maxAge: 3600 }); // "theme=dark; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax"
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1.1
 */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  if (!NAME.test(name)) throw new TypeError(`invalid cookie name: ${name}`);
  if (!VALUE.test(value)) throw new TypeError(`invalid cookie value for ${name}`);
  let out = `${name}=${value}; Path=${options.path ?? "/"}`;
  if (options.maxAge !== undefined) {
    out += `; Max-Age=${Math.max(0, Math.floor(options.maxAge))}`;
    if (options.maxAge <= 0) out += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  }
  if (options.domain) out += `; Domain=${options.domain}`;
  if (options.httpOnly !== false) out += "; HttpOnly";
  if (options.secure) out += "; Secure";
  out += `; SameSite=${options.sameSite ?? "Lax"}`;
  return out;
}

/**
 * The `Set-Cookie` header value of a {@link CookieChange}.
 *
 * @example
 * ```ts
 * for (const change of context.takeCookies()) res.appendHeader("set-cookie", setCookieHeader(change));
 * ```
 */
export function setCookieHeader(change: CookieChange): string {
  return serializeCookie(change.name, change.value, change.options);
}

/**
 * Read the cookies of a `Cookie` header. Later duplicates do not override earlier ones
 * (browsers send the most specific path first). Values are returned raw: Dance's own
 * values never need percent-decoding, and a malformed percent sequence cannot throw.
 *
 * @example
 * ```ts
 * parseCookieHeader("a=1; b=2").get("b"); // "2"
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-5.4
 */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  let start = 0;
  const len = header.length;
  while (start < len) {
    let end = header.indexOf(";", start);
    if (end === -1) end = len;
    const eq = header.indexOf("=", start);
    if (eq !== -1 && eq < end) {
      const name = header.slice(start, eq).trim();
      if (name && !out.has(name)) {
        let value = header.slice(eq + 1, end).trim();
        if (value.length > 1 && value.charCodeAt(0) === 34 && value.charCodeAt(value.length - 1) === 34) {
          value = value.slice(1, -1);
        }
        out.set(name, value);
      }
    }
    start = end + 1;
  }
  return out;
}

/** The `Cache-Control` of every response Dance adds, changes or clears a cookie on (SECURITY.md 37). */
export const NO_STORE = "private, no-store";

/**
 * Add cookie changes to a response, and make it uncacheable (`Cache-Control: private,
 * no-store`, replacing whatever caching the app asked for): a shared cache must never store
 * a sealed token and serve it to someone else. Copies the response when its headers are
 * immutable (e.g. `Response.redirect()` or a `fetch()` result).
 *
 * @example
 * ```ts
 * return applyCookies(new Response("ok"), context.takeCookies());
 * ```
 */
export function applyCookies(response: Response, changes: readonly CookieChange[]): Response {
  if (changes.length === 0) return response;
  const headers = changes.map(setCookieHeader);
  try {
    for (const header of headers) response.headers.append("set-cookie", header);
    response.headers.set("cache-control", NO_STORE);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const header of headers) copy.headers.append("set-cookie", header);
    copy.headers.set("cache-control", NO_STORE);
    return copy;
  }
}
