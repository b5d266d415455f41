/**
 * RFC 5849 §3.4.1: the signature base string — parameter encoding (§3.6), parameter sources and
 * normalisation (§3.4.1.3), the base string URI (§3.4.1.2) — and the `Authorization` header (§3.5.1).
 *
 * Parameters travel through this file in their §3.6-encoded form, which is canonical and
 * lossless: a query or form body is decoded to octets (`+` is a space, `%XX` an octet, anything
 * else itself) and re-encoded straight from those octets, so no value is ever reinterpreted as
 * text on the way. An octet sequence that is not UTF-8 (a Latin-1 form, say) is signed as sent.
 *
 * @module
 */

const UTF8 = new TextEncoder();

/** §3.6: the unreserved characters (ALPHA, DIGIT, `-`, `.`, `_`, `~`) stay; every other octet is `%XX`, upper-case hex. */
const ENCODED_OCTET: readonly string[] = Array.from({ length: 256 }, (_, octet) => {
  const c = String.fromCharCode(octet);
  return /^[A-Za-z0-9\-._~]$/.test(c) ? c : `%${octet.toString(16).toUpperCase().padStart(2, "0")}`;
});

function encodeOctets(octets: Uint8Array, from = 0, to = octets.length): string {
  let out = "";
  for (let i = from; i < to; i++) out += ENCODED_OCTET[octets[i]!];
  return out;
}

/**
 * Percent-encode a string as RFC 5849 §3.6 requires: UTF-8 first, then every octet outside
 * `ALPHA / DIGIT / "-" / "." / "_" / "~"` as `%XX` with upper-case hex. Unlike
 * `encodeURIComponent` it encodes `!`, `*`, `'`, `(` and `)`, and it never throws (a lone
 * surrogate becomes U+FFFD, as it does when the string is sent).
 *
 * @example
 * ```ts
 * percentEncode("r b=c+d/é!"); // "r%20b%3Dc%2Bd%2F%C3%A9%21"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.6 RFC 5849 §3.6 Percent Encoding}
 */
export function percentEncode(value: string): string {
  return encodeOctets(UTF8.encode(value));
}

function hexValue(octet: number): number {
  if (octet >= 0x30 && octet <= 0x39) return octet - 0x30;
  if (octet >= 0x41 && octet <= 0x46) return octet - 0x37;
  if (octet >= 0x61 && octet <= 0x66) return octet - 0x57;
  return -1;
}

/** Decode one form component (`+` → space, valid `%XX` → octet, the rest as is) and §3.6-encode the octets. */
function reencodeFormComponent(octets: Uint8Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) {
    let octet = octets[i]!;
    if (octet === 0x2b) {
      octet = 0x20;
    } else if (octet === 0x25 && i + 2 < to) {
      const hi = hexValue(octets[i + 1]!);
      const lo = hexValue(octets[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        octet = hi * 16 + lo;
        i += 2;
      }
    }
    out += ENCODED_OCTET[octet];
  }
  return out;
}

/** A parameter whose name and value are already encoded per §3.6. @internal */
export type EncodedParameter = readonly [name: string, value: string];

/**
 * Parse `application/x-www-form-urlencoded` octets (a query without its `?`, or a form body)
 * into §3.6-encoded pairs, keeping every pair in order: repeated names, empty values, a name
 * without `=` (value `""`), and every `=` after the first inside the value. Empty segments
 * (`a=1&&b=2`) carry no parameter and are skipped, as form decoding does.
 *
 * @internal
 */
export function parseFormEncoded(input: string | Uint8Array): EncodedParameter[] {
  const octets = typeof input === "string" ? UTF8.encode(input) : input;
  const pairs: EncodedParameter[] = [];
  let start = 0;
  while (start <= octets.length) {
    let end = octets.indexOf(0x26, start);
    if (end === -1) end = octets.length;
    if (end > start) {
      let eq = octets.indexOf(0x3d, start);
      if (eq === -1 || eq > end) eq = end;
      pairs.push([reencodeFormComponent(octets, start, eq), eq < end ? reencodeFormComponent(octets, eq + 1, end) : ""]);
    }
    start = end + 1;
  }
  return pairs;
}

/** Byte-order comparison of §3.6-encoded (hence ASCII) strings. */
function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** §3.4.1.3.2 over parameters already encoded per §3.6. @internal */
export function normalizeEncodedParameters(parameters: Iterable<EncodedParameter>): string {
  return [...parameters]
    .sort((a, b) => compareAscii(a[0], b[0]) || compareAscii(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/**
 * The normalized request parameters of RFC 5849 §3.4.1.3.2: each name and value encoded per
 * §3.6, sorted by encoded name and then encoded value (ascending byte order), joined as
 * `name=value` pairs with `&`. Every pair is kept, repeated names included.
 *
 * @param parameters Decoded name/value pairs, e.g. `new URLSearchParams(…)` or `[["a", "1"], ["a", "2"]]`.
 * @example
 * ```ts
 * normalizeParameters([["b", "2"], ["a", "x y"], ["a", "1"]]); // "a=1&a=x%20y&b=2"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.3.2 RFC 5849 §3.4.1.3.2 Parameters Normalization}
 */
export function normalizeParameters(parameters: Iterable<readonly [string, string]>): string {
  const encoded: EncodedParameter[] = [];
  for (const [name, value] of parameters) encoded.push([percentEncode(name), percentEncode(value)]);
  return normalizeEncodedParameters(encoded);
}

/** Parse and check an http(s) URL. @internal */
export function httpUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new TypeError(`OAuth 1: not an absolute URL: ${String(url)}`, { cause });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`OAuth 1 signs http and https URLs only, not ${parsed.protocol}`);
  }
  return parsed;
}

/**
 * The base string URI of RFC 5849 §3.4.1.2: scheme and host lower-case, the port only when it is
 * not the scheme's default (80 for http, 443 for https), the path as it goes on the wire, no
 * user info, query or fragment. The URL is read with the WHATWG URL parser — the one `fetch`
 * sends with — so the path signed is the path requested.
 *
 * @throws {TypeError} When `url` is not an absolute http(s) URL.
 * @example
 * ```ts
 * baseStringUri("HTTP://Example.COM:80/r%20v/X?id=123#top"); // "http://example.com/r%20v/X"
 * baseStringUri("https://www.example.net:8080/?q=1");        // "https://www.example.net:8080/"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.2 RFC 5849 §3.4.1.2 Base String URI}
 */
export function baseStringUri(url: string | URL): string {
  const parsed = httpUrl(url);
  // The WHATWG serialisation already lower-cases scheme and host and drops the default port.
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/**
 * What {@link signatureBaseString} signs: the parts of one HTTP request.
 *
 * @example
 * ```ts
 * const input: SignatureBaseStringInput = { method: "POST", url: "http://example.com/request?a=1", form: "c2&a3=2+q", oauth };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1 RFC 5849 §3.4.1 Signature Base String}
 */
export interface SignatureBaseStringInput {
  /** The HTTP method; upper-cased in the base string. */
  method: string;
  /** The request URL. Its query parameters are part of the signature; its fragment is not. */
  url: string | URL;
  /**
   * The body, when (and only when) it is sent as `application/x-www-form-urlencoded`: its
   * parameters are part of the signature. Other bodies (JSON, multipart, …) are not.
   */
  form?: string | Uint8Array | URLSearchParams | null | undefined;
  /**
   * The protocol parameters (`oauth_consumer_key`, `oauth_nonce`, …). `oauth_signature` and
   * `realm` here are ignored: neither is ever signed.
   */
  oauth: Readonly<Record<string, string>>;
}

/** The protocol parameters, §3.6-encoded, without `oauth_signature` and `realm` (never signed). @internal */
export function encodeProtocolParameters(oauth: Readonly<Record<string, string>>): EncodedParameter[] {
  const parameters: EncodedParameter[] = [];
  for (const [name, value] of Object.entries(oauth)) {
    if (name !== "oauth_signature" && name !== "realm") parameters.push([percentEncode(name), percentEncode(value)]);
  }
  return parameters;
}

/** The query and form-body parameters of §3.4.1.3.1, §3.6-encoded. @internal */
export function encodeRequestParameters(url: URL, form: SignatureBaseStringInput["form"]): EncodedParameter[] {
  const parameters: EncodedParameter[] = [];
  if (url.search.length > 1) parameters.push(...parseFormEncoded(url.search.slice(1)));
  if (form instanceof URLSearchParams) {
    for (const [name, value] of form) parameters.push([percentEncode(name), percentEncode(value)]);
  } else if (form != null) {
    parameters.push(...parseFormEncoded(form));
  }
  return parameters;
}

/**
 * The signature base string of RFC 5849 §3.4.1.1: the upper-case method, the base string URI
 * and the normalized parameters, each §3.6-encoded, joined with `&`. The parameters are those of
 * the query, of a form-urlencoded body and the protocol parameters (§3.4.1.3.1): a name present in
 * several places, or several times, is kept every time; `+` in a query or form is a space;
 * `=` inside a value stays in the value.
 *
 * @throws {TypeError} When `url` is not an absolute http(s) URL.
 * @example
 * ```ts
 * signatureBaseString({
 *   method: "GET",
 *   url: "http://photos.example.net/photos?file=vacation.jpg&size=original",
 *   oauth: { oauth_consumer_key: "dpf43f3p2l4k3l03", oauth_token: "nnch734d00sl2jdk",
 *            oauth_signature_method: "HMAC-SHA1", oauth_timestamp: "137131202", oauth_nonce: "chapoH" },
 * });
 * // "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3D…"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1 RFC 5849 §3.4.1 Signature Base String}
 */
export function signatureBaseString(input: SignatureBaseStringInput): string {
  const url = httpUrl(input.url);
  return encodedSignatureBaseString(input.method, url, [...encodeProtocolParameters(input.oauth), ...encodeRequestParameters(url, input.form)]);
}

/** §3.4.1.1 from parameters already collected and encoded. @internal */
export function encodedSignatureBaseString(method: string, url: URL, parameters: readonly EncodedParameter[]): string {
  // §3.4.1.3.1: "oauth_signature" MUST be excluded, whatever its source.
  const signed = parameters.filter(([name]) => name !== "oauth_signature");
  return [percentEncode(method.toUpperCase()), percentEncode(baseStringUri(url)), percentEncode(normalizeEncodedParameters(signed))].join("&");
}

/** RFC 2617 `realm` is a quoted-string: refuse what would need escaping, so the header parses the same everywhere. @internal */
export function checkRealm(realm: string): string {
  if (/["\\\u0000-\u001f\u007f]/.test(realm)) {
    throw new TypeError('OAuth 1: the realm must not contain a double quote, a backslash or control characters');
  }
  return realm;
}

/**
 * The `Authorization` header value of RFC 5849 §3.5.1: `OAuth `, the optional `realm` first,
 * then each protocol parameter as `name="value"` with name and value §3.6-encoded, separated by
 * `, `. Only `oauth_*` parameters are written; give `oauth_signature` among them.
 *
 * @throws {TypeError} When `realm` contains `"`, `\` or a control character.
 * @example
 * ```ts
 * authorizationHeader({ oauth_consumer_key: "key", oauth_signature: "a/b=" }, "Photos");
 * // 'OAuth realm="Photos", oauth_consumer_key="key", oauth_signature="a%2Fb%3D"'
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1 RFC 5849 §3.5.1 Authorization Header}
 */
export function authorizationHeader(oauth: Readonly<Record<string, string>>, realm?: string | undefined): string {
  const parts: string[] = [];
  if (realm !== undefined) parts.push(`realm="${checkRealm(realm)}"`);
  for (const [name, value] of Object.entries(oauth)) {
    if (name.startsWith("oauth_")) parts.push(`${percentEncode(name)}="${percentEncode(value)}"`);
  }
  return `OAuth ${parts.join(", ")}`;
}
