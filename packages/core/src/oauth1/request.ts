/**
 * Signing HTTP requests with a configured {@link OAuth1Signer}: any web `Request`, and the two
 * token calls of the OAuth 1.0a dance (temporary credentials, token credentials).
 *
 * @module
 */
import { DanceConfigError } from "../errors.js";
import { authorizationHeader, encodedSignatureBaseString, encodeProtocolParameters, encodeRequestParameters, httpUrl, type EncodedParameter } from "./base-string.js";
import { generateNonce, oauthTimestamp, type OAuth1Signer } from "./signer.js";

/**
 * A token and its shared-secret (RFC 5849 §1.1): the temporary credentials of the request-token
 * step, or the token credentials that sign API calls. Field names are the wire names.
 *
 * @example
 * ```ts
 * const token: OAuth1Token = { oauth_token: "nnch734d00sl2jdk", oauth_token_secret: "pfkkdhi9sl3r4s00" };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.3 RFC 5849 §2.3 Token Credentials}
 */
export interface OAuth1Token {
  /** The token identifier, sent as `oauth_token`. */
  oauth_token: string;
  /** The token shared-secret: half of the HMAC-SHA1 / PLAINTEXT key; never sent (except by PLAINTEXT). */
  oauth_token_secret: string;
}

/**
 * Per-call options of the signing functions.
 *
 * @example
 * ```ts
 * // Reproduce RFC 5849 §1.2's third request exactly:
 * const options: OAuth1SignOptions = { nonce: "chapoH", now: () => 137131202_000 };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.3 RFC 5849 §3.3 Nonce and Timestamp}
 */
export interface OAuth1SignOptions {
  /** The clock, in milliseconds since the epoch, for `oauth_timestamp`. Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * A fixed `oauth_nonce`, for reproducing published test vectors only. Default: 32 fresh
   * random octets ({@link generateNonce}); a reused nonce is refused by a correct server.
   */
  nonce?: string | undefined;
}

/**
 * What {@link oauth1Sign} signs.
 *
 * @example
 * ```ts
 * const input: OAuth1SignInput = { method: "POST", url: "https://api.example.com/x?a=1", form: "b=2", token };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.3.1 RFC 5849 §3.4.1.3.1 Parameter Sources}
 */
export interface OAuth1SignInput {
  /** The HTTP method. */
  method: string;
  /** The request URL; its query parameters are signed. */
  url: string | URL;
  /** The body, only when it is sent as `application/x-www-form-urlencoded`; its parameters are signed. */
  form?: string | Uint8Array | URLSearchParams | null | undefined;
  /** The token (temporary or token credentials), if any: `oauth_token`, and its secret in the key. */
  token?: OAuth1Token | null | undefined;
  /**
   * Further protocol parameters for this call, e.g. `oauth_callback` (request-token step) or
   * `oauth_verifier` (access-token step). Names must start with `oauth_` and must not be one the
   * signer sets itself.
   */
  oauth?: Readonly<Record<string, string>> | undefined;
}

/**
 * The result of {@link oauth1Sign}.
 *
 * @example
 * ```ts
 * const { authorization }: OAuth1Signature = await oauth1Sign(signer, { method: "GET", url });
 * await fetch(url, { headers: { authorization } });
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1 RFC 5849 §3.5.1 Authorization Header}
 */
export interface OAuth1Signature {
  /** The signature base string that was signed (RFC 5849 §3.4.1.1). Contains no secret. */
  baseString: string;
  /** All protocol parameters sent, `oauth_signature` last. */
  oauth: Readonly<Record<string, string>>;
  /** The `Authorization` header value (RFC 5849 §3.5.1). */
  authorization: string;
}

/** Protocol parameters the signer sets; a caller may not supply them. */
const SIGNER_PARAMETERS = new Set(["oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp", "oauth_nonce", "oauth_version", "oauth_signature"]);
const FORM_URLENCODED = "application/x-www-form-urlencoded";

function refuseProtocolParameters(parameters: readonly EncodedParameter[], where: string): void {
  for (const [name] of parameters) {
    // Encoded names: "oauth_" is all unreserved characters, so it reads the same encoded.
    if (name.startsWith("oauth_")) {
      throw new DanceConfigError(`OAuth 1: the ${where} already carries the protocol parameter ${name}; protocol parameters are sent in the Authorization header only (RFC 5849 §3.5)`);
    }
  }
}

/**
 * Sign one HTTP request described by its parts: the lower-level core of the other functions
 * here. Collects the query, form-body and protocol parameters (RFC 5849 §3.4.1.3), builds the
 * signature base string, signs it with the client secret and the token secret (or the RSA key),
 * and returns the protocol parameters with the `Authorization` header value.
 *
 * @throws {DanceConfigError} For `PLAINTEXT` on a URL that is not https; for an `oauth_*`
 * parameter already in the query or form; for an `oauth` option the signer sets itself.
 * @throws {TypeError} When `url` is not an absolute http(s) URL.
 * @example
 * ```ts
 * const { authorization } = await oauth1Sign(signer, {
 *   method: "POST",
 *   url: "https://api.example.com/statuses/update.json?include_entities=true",
 *   form: "status=Hello+Ladies+%2B+Gentlemen",
 *   token: { oauth_token: "370773112-GmHx…", oauth_token_secret: "LswwdoUa…" },
 * });
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4 RFC 5849 §3.4 Signature}
 */
export async function oauth1Sign(signer: OAuth1Signer, input: OAuth1SignInput, options: OAuth1SignOptions = {}): Promise<OAuth1Signature> {
  const url = httpUrl(input.url);
  if (signer.signatureMethod === "PLAINTEXT" && url.protocol !== "https:") {
    throw new DanceConfigError(`OAuth 1 PLAINTEXT sends the client and token secrets as they are: refused on ${url.protocol}// (use https, or HMAC-SHA1)`);
  }
  const extra = input.oauth ?? {};
  for (const name of Object.keys(extra)) {
    if (!name.startsWith("oauth_") || SIGNER_PARAMETERS.has(name)) {
      throw new DanceConfigError(`OAuth 1: ${name} cannot be given as an extra protocol parameter`);
    }
  }
  const nonce = options.nonce ?? generateNonce();
  if (nonce === "") throw new DanceConfigError("OAuth 1: the nonce must not be empty");

  const oauth: Record<string, string> = { oauth_consumer_key: signer.consumerKey };
  if (input.token) oauth["oauth_token"] = input.token.oauth_token;
  oauth["oauth_signature_method"] = signer.signatureMethod;
  oauth["oauth_timestamp"] = oauthTimestamp(options.now ? options.now() : Date.now());
  oauth["oauth_nonce"] = nonce;
  if (signer.includeVersion) oauth["oauth_version"] = "1.0";
  Object.assign(oauth, extra);

  const requestParameters = encodeRequestParameters(url, input.form);
  refuseProtocolParameters(requestParameters, "request URL or form body");
  const baseString = encodedSignatureBaseString(input.method, url, [...encodeProtocolParameters(oauth), ...requestParameters]);
  oauth["oauth_signature"] = await signer.signature(baseString, input.token?.oauth_token_secret ?? "");
  return Object.freeze({ baseString, oauth: Object.freeze(oauth), authorization: authorizationHeader(oauth, signer.realm) });
}

function isFormUrlencoded(headers: Headers): boolean {
  const type = headers.get("content-type");
  return type !== null && type.split(";")[0]!.trim().toLowerCase() === FORM_URLENCODED;
}

/**
 * Sign a web `Request` and return a new `Request` with the `Authorization: OAuth …` header (any
 * previous `Authorization` is replaced). The query is signed; the body is signed only when the
 * `Content-Type` is `application/x-www-form-urlencoded` (it is read, and the returned request
 * carries exactly the signed octets), so JSON, multipart and other bodies are sent but not
 * signed, as RFC 5849 §3.4.1.3.1 says. The input's body moves to the returned request: use that one.
 *
 * @param token The token credentials (or the temporary credentials), if the call needs one.
 * @throws {DanceConfigError} For `PLAINTEXT` over http, or an `oauth_*` parameter already in the query or form body.
 * @example
 * ```ts
 * const signed = await signOAuth1Request(
 *   signer,
 *   new Request("https://api.twitter.com/1.1/statuses/update.json", {
 *     method: "POST",
 *     body: new URLSearchParams({ status: "Hello" }),
 *   }),
 *   { oauth_token: "…", oauth_token_secret: "…" },
 * );
 * const response = await fetch(signed);
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.1 RFC 5849 §3.1 Making Requests}
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1 RFC 5849 §3.5.1 Authorization Header}
 */
export async function signOAuth1Request(
  signer: OAuth1Signer,
  request: Request,
  token?: OAuth1Token | null,
  options?: OAuth1SignOptions,
): Promise<Request> {
  const form = request.body !== null && isFormUrlencoded(request.headers) ? new Uint8Array(await request.arrayBuffer()) : null;
  const { authorization } = await oauth1Sign(signer, { method: request.method, url: request.url, form, token }, options);
  const headers = new Headers(request.headers);
  headers.set("authorization", authorization);
  // A signed form goes out as the very octets that were signed, with a Content-Length (a re-wrapped
  // stream would go chunked in some runtimes, which some servers do not read).
  return new Request(request, form ? { headers, body: form } : { headers });
}

/**
 * Options of {@link oauth1RequestTokenRequest}.
 *
 * @example
 * ```ts
 * const options: OAuth1RequestTokenOptions = { callback: "https://app.example.com/login/twitter/authorized" };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.1 RFC 5849 §2.1 Temporary Credentials}
 */
export interface OAuth1RequestTokenOptions extends OAuth1SignOptions {
  /** `oauth_callback`: the absolute URL the provider sends the user back to, or `"oob"`. */
  callback: string;
  /** Default `"POST"` (RFC 5849 §2.1). */
  method?: string | undefined;
}

/**
 * The signed temporary-credentials request (the "request token" call) of RFC 5849 §2.1: `POST`
 * to `url` (add provider-specific parameters, e.g. `scope`, to its query) with `oauth_callback`
 * among the signed protocol parameters and no token. The answer carries `oauth_token`,
 * `oauth_token_secret` and must carry `oauth_callback_confirmed=true`
 * (see {@link parseOAuth1TokenResponse}).
 *
 * @example
 * ```ts
 * const response = await fetch(await oauth1RequestTokenRequest(signer, "https://api.twitter.com/oauth/request_token", {
 *   callback: "https://app.example.com/login/twitter/authorized",
 * }));
 * const temporary = parseOAuth1TokenResponse(await response.text());
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.1 RFC 5849 §2.1 Temporary Credentials}
 */
export async function oauth1RequestTokenRequest(signer: OAuth1Signer, url: string | URL, options: OAuth1RequestTokenOptions): Promise<Request> {
  const { callback, method = "POST" } = options;
  if (typeof callback !== "string" || callback === "") throw new DanceConfigError("OAuth 1: the request-token call needs an oauth_callback (an absolute URL, or \"oob\")");
  if (callback !== "oob") {
    try {
      httpUrl(callback);
    } catch (cause) {
      throw new DanceConfigError("OAuth 1: oauth_callback must be an absolute http(s) URL, or \"oob\"", { cause });
    }
  }
  const { authorization } = await oauth1Sign(signer, { method, url, oauth: { oauth_callback: callback } }, options);
  return new Request(httpUrl(url), { method, headers: { authorization } });
}

/**
 * Options of {@link oauth1AccessTokenRequest}.
 *
 * @example
 * ```ts
 * const options: OAuth1AccessTokenOptions = { requestToken: temporary, verifier: "hfdp7dh39dks9884" };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.3 RFC 5849 §2.3 Token Credentials}
 */
export interface OAuth1AccessTokenOptions extends OAuth1SignOptions {
  /** The temporary credentials from the request-token step: `oauth_token` is sent, its secret is the token secret of the key. */
  requestToken: OAuth1Token;
  /** `oauth_verifier`, from the callback. */
  verifier: string;
  /** Default `"POST"` (RFC 5849 §2.3). */
  method?: string | undefined;
}

/**
 * The signed token-credentials request (the "access token" call) of RFC 5849 §2.3: `POST` to
 * `url` with the request token as `oauth_token`, `oauth_verifier`, and the request token's
 * secret as the token secret of the signature key.
 *
 * @example
 * ```ts
 * const response = await fetch(await oauth1AccessTokenRequest(signer, "https://api.twitter.com/oauth/access_token", {
 *   requestToken: temporary,             // kept (sealed) since the request-token step
 *   verifier: callbackUrl.searchParams.get("oauth_verifier")!,
 * }));
 * const token = parseOAuth1TokenResponse(await response.text());
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.3 RFC 5849 §2.3 Token Credentials}
 */
export async function oauth1AccessTokenRequest(signer: OAuth1Signer, url: string | URL, options: OAuth1AccessTokenOptions): Promise<Request> {
  const { requestToken, verifier, method = "POST" } = options;
  if (!requestToken || typeof requestToken.oauth_token !== "string" || requestToken.oauth_token === "" || typeof requestToken.oauth_token_secret !== "string") {
    throw new DanceConfigError("OAuth 1: the access-token call needs the request token and its secret");
  }
  if (typeof verifier !== "string" || verifier === "") throw new DanceConfigError("OAuth 1: the access-token call needs the oauth_verifier");
  const { authorization } = await oauth1Sign(signer, { method, url, token: requestToken, oauth: { oauth_verifier: verifier } }, options);
  return new Request(httpUrl(url), { method, headers: { authorization } });
}

/**
 * A token response: the credentials plus every other field the provider sent (e.g. `user_id`,
 * `oauth_callback_confirmed`).
 *
 * @example
 * ```ts
 * const answer: OAuth1TokenResponse | undefined = parseOAuth1TokenResponse(await response.text());
 * if (answer?.["oauth_callback_confirmed"] !== "true") throw new Error("not an OAuth 1.0a provider");
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.1 RFC 5849 §2.1 Temporary Credentials}
 */
export type OAuth1TokenResponse = OAuth1Token & Readonly<Record<string, string>>;

/**
 * Parse the `application/x-www-form-urlencoded` body of a request-token or access-token
 * response (RFC 5849 §2.1, §2.3). Returns `undefined` unless `oauth_token` and
 * `oauth_token_secret` are each present exactly once and `oauth_token` is not empty. It does not
 * judge `oauth_callback_confirmed`: the caller of the request-token step must require `"true"`.
 *
 * @example
 * ```ts
 * parseOAuth1TokenResponse("oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true");
 * // { oauth_token: "hh5s93j4hdidpola", oauth_token_secret: "hdhd0244k9j7ao03", oauth_callback_confirmed: "true" }
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.1 RFC 5849 §2.1 Temporary Credentials}
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-2.3 RFC 5849 §2.3 Token Credentials}
 */
export function parseOAuth1TokenResponse(body: string): OAuth1TokenResponse | undefined {
  const params = new URLSearchParams(body);
  const token = params.getAll("oauth_token");
  const secret = params.getAll("oauth_token_secret");
  if (token.length !== 1 || secret.length !== 1 || token[0] === "") return undefined;
  const result: Record<string, string> = Object.create(null);
  for (const [name, value] of params) if (!(name in result)) result[name] = value;
  return Object.freeze(result) as OAuth1TokenResponse;
}
