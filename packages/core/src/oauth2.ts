/**
 * The OAuth 2 wire protocol Dance speaks, on web-standard APIs only: random values and PKCE
 * (RFC 7636), client authentication (RFC 6749 §2.3.1), form POSTs to the token and revocation
 * endpoints (RFC 6749 §4.1.3, §6; RFC 7009), and the shape check of a token answer (§5.1, §5.2).
 *
 * Why not oauth4webapi any more: Dance already parsed and normalised every token answer itself
 * (providers answer form bodies, string `expires_in`, no `token_type`) and verifies id_tokens
 * with jose; what oauth4webapi still did — build a form POST, check a JSON object's fields — is
 * this file, while its bundle (DPoP, JARM, PAR, CIBA, introspection, JWT response handling:
 * 18 kB minified, tree-shaking little of it because its response processors reach most of it)
 * was most of a Worker's size. The rules below are the RFCs', and where oauth4webapi was
 * stricter or looser than an RFC they follow the RFC (noted inline).
 *
 * @internal
 * @module
 */
import { toBase64, toBase64Url } from "./base64.js";

/**
 * Authorization server metadata (RFC 8414 / OpenID Discovery names): pinned in a definition or
 * discovered. Only what Dance reads is typed; the rest is kept as it came.
 */
export interface AuthorizationServer {
  readonly issuer: string;
  readonly authorization_endpoint?: string | undefined;
  readonly token_endpoint?: string | undefined;
  readonly jwks_uri?: string | undefined;
  readonly userinfo_endpoint?: string | undefined;
  readonly revocation_endpoint?: string | undefined;
  readonly end_session_endpoint?: string | undefined;
  readonly authorization_response_iss_parameter_supported?: boolean | undefined;
  readonly id_token_signing_alg_values_supported?: readonly string[] | undefined;
  readonly [name: string]: unknown;
}

/** Puts the client's credentials on a token or revocation request (the form body, or the headers). */
export type ClientAuth = (body: URLSearchParams, headers: Headers) => void | Promise<void>;

/** How a provider's back-channel requests are sent: its fetch, a timeout signal per call, its extra headers. */
export interface HttpOptions {
  fetch: typeof fetch;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>> | undefined;
}

/** 32 random octets, base64url: a state, a nonce or a PKCE code verifier (43 characters, RFC 7636 §4.1). */
export function randomValue(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a PKCE verifier (RFC 7636 §4.2). */
export async function pkceChallenge(verifier: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

/** The `application/x-www-form-urlencoded` encoding RFC 6749 §2.3.1 applies to the id and secret before Basic. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** `client_secret_basic`: the id and secret form-encoded, then HTTP Basic (RFC 6749 §2.3.1). `raw` skips the form encoding (what requests/Flask-Dance send). */
export function clientSecretBasic(clientId: string, clientSecret: string, raw = false): ClientAuth {
  const pair = raw ? `${clientId}:${clientSecret}` : `${formEncode(clientId)}:${formEncode(clientSecret)}`;
  const credentials = toBase64(new TextEncoder().encode(pair));
  return (_body, headers) => headers.set("authorization", `Basic ${credentials}`);
}

/** `client_secret_post`: the id and secret in the form body. */
export function clientSecretPost(clientId: string, clientSecret: string): ClientAuth {
  return (body) => {
    body.set("client_id", clientId);
    body.set("client_secret", clientSecret);
  };
}

/** `none`: a public client names itself in the body (RFC 6749 §4.1.3). */
export function publicClient(clientId: string): ClientAuth {
  return (body) => body.set("client_id", clientId);
}

/**
 * The headers of a back-channel request (token, revocation, discovery): the provider's
 * `tokenHeaders`, JSON asked for when `acceptJson`, and a User-Agent unless the provider set
 * one (what a runtime sends by default differs; some providers want one).
 */
export function backChannelHeaders(http: HttpOptions, acceptJson: boolean): Headers {
  const headers = new Headers(http.headers);
  if (acceptJson) headers.set("accept", "application/json");
  if (!headers.has("user-agent")) headers.set("user-agent", "dance");
  return headers;
}

/**
 * POST `body` to `url` with the client authentication: a token request (answer wanted in JSON)
 * or a revocation request. Redirects are not followed — a credential-bearing POST never goes
 * anywhere the definition did not name.
 */
export async function postForm(url: string, body: URLSearchParams, auth: ClientAuth, http: HttpOptions, acceptJson = true): Promise<Response> {
  const headers = backChannelHeaders(http, acceptJson);
  await auth(body, headers);
  headers.set("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
  return http.fetch(url, { method: "POST", body, headers: Object.fromEntries(headers), redirect: "manual", signal: http.signal });
}
