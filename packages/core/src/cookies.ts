/**
 * Cookie parsing and serialisation, web-standard only.
 *
 * @module
 */

/** Attributes of a cookie Dance sets. */
export interface CookieOptions {
  /** Seconds until the browser drops it; 0 deletes it. Omitted → a session cookie. */
  maxAge?: number | undefined;
  /** Defaults to `/`. */
  path?: string | undefined;
  /** Defaults to true. */
  httpOnly?: boolean | undefined;
  /** Set on https; off only for plain-http development. */
  secure?: boolean | undefined;
  /** Defaults to `Lax`. */
  sameSite?: "Lax" | "Strict" | "None" | undefined;
  /** Rarely needed; never set for `__Host-` cookies. */
  domain?: string | undefined;
}

const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 6265 cookie-octet: no CTLs, whitespace, DQUOTE, comma, semicolon or backslash.
const VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** Serialise one `Set-Cookie` header value. Throws a TypeError on a name or value a browser would mangle. */
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
 * Read the cookies of a `Cookie` header. Later duplicates do not override earlier ones
 * (browsers send the most specific path first). Values are returned raw: Dance's own
 * values never need percent-decoding, and a malformed percent sequence cannot throw.
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
