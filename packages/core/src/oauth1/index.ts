/**
 * OAuth 1.0a request signing (RFC 5849) on web standards only: WebCrypto for HMAC-SHA1 and
 * RSA-SHA1, `crypto.getRandomValues` for nonces, `Request`/`Headers`/`URL` for the rest. No
 * `node:` import and no dependency, so it runs unchanged on Node ≥ 20, Deno, Bun and Cloudflare
 * Workers without `nodejs_compat`.
 *
 * In a Dance, an OAuth 1.0a provider definition carries this protocol as `support:
 * oauth1Protocol` (the `oauth1()` factory and the `twitter` and `jira` presets of
 * `@dance/providers` set it), so apps without one never bundle it.
 *
 * The signing layers, each usable alone:
 * - RFC primitives: {@link percentEncode}, {@link normalizeParameters}, {@link baseStringUri},
 *   {@link signatureBaseString}, {@link authorizationHeader}, {@link generateNonce}.
 * - A configured client: {@link createOAuth1Signer} checks the credentials and imports the keys
 *   once; {@link oauth1Sign} signs a request given by its parts.
 * - Requests: {@link signOAuth1Request} signs a web `Request`; {@link oauth1RequestTokenRequest}
 *   and {@link oauth1AccessTokenRequest} build the two token calls of the dance;
 *   {@link parseOAuth1TokenResponse} reads their answers.
 *
 * Why not the `oauth-1.0a` npm package (which the design card named): it was read and tried
 * (v2.2.6, unmaintained since 2019) and replaced rather than wrapped. Beyond the known defects —
 * PLAINTEXT by default, `Math.random` nonces, no base URL normalisation (scheme/host case,
 * default port, even the `#fragment` is signed), `=` and `+` mis-parsed in query values, a name in
 * both query and body losing one value — trying it showed that it never decodes query *names*
 * (`a%20b` is signed as `a%252520b`), signs `Object.prototype` members (`?constructor=1` puts the
 * source text of `function Object()` into the base string; `?__proto__=1` signs `0=[object
 * Object]`), turns a bare `?` into a parameter `=`, drops a repeated name whose first value is
 * empty, throws `URIError` on a stray `%`, mutates the protocol-parameter object it is given, and
 * calls its `hash_function` synchronously, which WebCrypto (async everywhere) cannot serve. A
 * wrapper that kept all of that away from a signature would have to parse the query and body,
 * normalise the URL, make nonces and timestamps, write the header and compute the signature
 * itself — leaving the package only `percentEncode` and a sort, while adding a CommonJS-only
 * dependency to an ESM core. So the whole layer is here, proved by the RFC 5849 §1.2 and §3.4.1.1
 * vectors and checked end to end by an independent verifier (Debian's python3-oauthlib as a
 * provider, in `@dance/testing`).
 *
 * @example
 * ```ts
 * const signer = await createOAuth1Signer({ consumerKey: "key", consumerSecret: "secret" });
 * const temporary = parseOAuth1TokenResponse(await (await fetch(
 *   await oauth1RequestTokenRequest(signer, "https://provider.example/oauth/request_token", { callback }),
 * )).text());
 * // … redirect the user to the authorize URL with temporary.oauth_token; on the callback:
 * const token = parseOAuth1TokenResponse(await (await fetch(
 *   await oauth1AccessTokenRequest(signer, "https://provider.example/oauth/access_token", { requestToken: temporary!, verifier }),
 * )).text());
 * const me = await fetch(await signOAuth1Request(signer, new Request("https://api.provider.example/me"), token));
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849 RFC 5849 The OAuth 1.0 Protocol}
 * @module
 */
export { authorizationHeader, baseStringUri, normalizeParameters, percentEncode, signatureBaseString } from "./base-string.js";
export type { SignatureBaseStringInput } from "./base-string.js";
export { createOAuth1Signer, generateNonce, oauthTimestamp } from "./signer.js";
export type { OAuth1SignatureMethod, OAuth1Signer, OAuth1SignerOptions } from "./signer.js";
export { oauth1AccessTokenRequest, oauth1RequestTokenRequest, oauth1Sign, parseOAuth1TokenResponse, signOAuth1Request } from "./request.js";
export type {
  OAuth1AccessTokenOptions,
  OAuth1RequestTokenOptions,
  OAuth1Signature,
  OAuth1SignInput,
  OAuth1SignOptions,
  OAuth1Token,
  OAuth1TokenResponse,
} from "./request.js";

import type { OAuth1Support } from "../support.js";
import type { ProtocolSupport } from "../types.js";
import { oauth1Steps, resolveOAuth1Provider } from "./dance.js";

const support: OAuth1Support = Object.freeze({ kind: "oauth1", resolve: resolveOAuth1Provider, steps: oauth1Steps });

/**
 * The OAuth 1.0a dance, for the `support` field of an OAuth 1.0a provider definition.
 *
 * @example
 * ```ts
 * import { oauth1Protocol } from "@dance/core/oauth1";
 * const printer: OAuth1ProviderDefinition<"printer"> = { protocol: "oauth1", support: oauth1Protocol, id: "printer", requestTokenUrl, authorizationUrl, accessTokenUrl };
 * ```
 */
export const oauth1Protocol: ProtocolSupport<"oauth1"> = support;
