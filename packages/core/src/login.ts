/**
 * The two steps of the OAuth 2 / OpenID Connect dance as request/process pairs:
 * {@link beginLogin} builds the provider redirect and seals the login transaction;
 * {@link completeLogin} checks the callback and exchanges the code. The handler is built from
 * them; `dance.beginLogin()` / `dance.completeLogin()` expose them to apps.
 *
 * @internal
 * @module
 */
import type { RequestCookieJar } from "./cookie-jar.js";
import { cleanProviderText, DanceError, type DanceErrorCode } from "./errors.js";
import type { Claims } from "./claims.js";
import type { ResolvedProvider } from "./metadata.js";
import { pkceChallenge, postForm, randomValue } from "./oauth2.js";
import { callTokenEndpoint, tokenFromAnswer } from "./tokens.js";
import { saveTransaction, takeTransaction, transactionFailure, type LoginTransaction } from "./transaction.js";
import type { Token } from "./types.js";

/** Inputs of {@link beginLogin}. */
export interface BeginLoginInput {
  provider: ResolvedProvider;
  cookies: RequestCookieJar;
  redirectUri: string;
  returnTo: string;
  /** Transaction lifetime, seconds. */
  maxAge: number;
  now: number;
  /** Per-request additions to the authorization request (e.g. `login_hint`). */
  params?: Readonly<Record<string, string>> | undefined;
  /** Scopes on top of the configured ones (incremental authorization). */
  scope?: readonly string[] | undefined;
}

const sameSiteOf = (provider: ResolvedProvider) => (provider.def.responseMode === "form_post" ? "None" : "Lax");

/** Step 1: seal a fresh transaction next to the browser's other pending ones and build the provider URL. */
export async function beginLogin(input: BeginLoginInput): Promise<{ url: URL; transaction: LoginTransaction }> {
  const { provider } = input;
  const metadata = await provider.metadata();
  const transaction: LoginTransaction = {
    p: provider.id,
    s: randomValue(),
    v: randomValue(),
    r: input.redirectUri,
    t: input.returnTo,
    e: input.now + input.maxAge * 1000,
  };
  if (provider.wantsIdToken && provider.def.nonce !== false) transaction.n = randomValue();
  if (provider.def.issuer) transaction.i = metadata.as.issuer;
  const url = new URL(metadata.authorizationUrl);
  const q = url.searchParams;
  q.set("response_type", "code");
  q.set("client_id", provider.clientId);
  q.set("redirect_uri", input.redirectUri);
  const scope = [...new Set([...provider.scope, ...(input.scope ?? [])])];
  if (scope.length > 0) q.set("scope", scope.join(provider.def.scopeSeparator ?? " "));
  if (input.scope?.length) transaction.sc = scope.join(" ");
  q.set("state", transaction.s);
  if (provider.def.pkce !== false) {
    q.set("code_challenge", await pkceChallenge(transaction.v));
    q.set("code_challenge_method", "S256");
  }
  if (transaction.n) q.set("nonce", transaction.n);
  if (provider.def.responseMode === "form_post") q.set("response_mode", "form_post");
  for (const [name, value] of provider.authorizationParams) q.set(name, value);
  for (const [name, value] of Object.entries(input.params ?? {})) if (!q.has(name)) q.set(name, value);
  provider.def.hooks?.authorizationRequest?.(url, { clientId: provider.clientId });
  await saveTransaction(input.cookies, transaction, input.now, sameSiteOf(provider));
  return { url, transaction };
}

/** What {@link completeLogin} returns on success. */
export interface CompleteLoginResult {
  /** The token, verified, not stored. */
  token: Token;
  /** The verified id_token claims, for OpenID providers. */
  claims: Claims | undefined;
  /** The return-to target sealed at login (check it again before redirecting). */
  returnTo: string;
}

/** Inputs of {@link completeLogin}. */
export interface CompleteLoginInput {
  provider: ResolvedProvider;
  cookies: RequestCookieJar;
  params: URLSearchParams;
  now: () => number;
  /** The oldest acceptable id_token `iat`, seconds. */
  idTokenMaxAge: number;
  /** The request came over plain http off loopback, where browsers drop Dance's Secure cookies. */
  insecureOrigin: boolean;
  /** Called once the callback is proven to belong to this browser's transaction, before any network call. */
  consumeState(state: string, expiresAt: number): boolean;
}

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * Step 2: find this callback's transaction, check state, iss and binding, only then look at
 * `error`, exchange the code and validate the id_token. Throws a {@link DanceError} on every
 * failure; nothing is stored here.
 */
export async function completeLogin(input: CompleteLoginInput): Promise<CompleteLoginResult> {
  const { provider, params } = input;
  const id = provider.id;
  const fail = (code: DanceErrorCode, message: string, cause?: unknown) => new DanceError(code, message, { provider: id, cause });

  const found = await takeTransaction(input.cookies, id, params.getAll("state"), input.now(), sameSiteOf(provider));
  if (found.kind !== "found") {
    throw fail(...transactionFailure(found.kind, id, input.insecureOrigin, { noState: "The callback carries no state.", mismatch: "The callback state does not match a login started in this browser." }));
  }
  const tx = found.tx;
  checkTransaction(provider, tx, fail);
  if (!input.consumeState(tx.s, tx.e)) throw fail("missing_transaction", "This login callback was already used.");

  const metadata = await provider.metadata();
  const issuers = params.getAll("iss");
  // RFC 9207: only a provider with a known issuer can be checked; for others `iss` is ignored.
  if (tx.i && (issuers.length > 1 || (issuers.length === 1 && issuers[0] !== tx.i))) {
    throw fail("issuer_mismatch", `The callback names another issuer than ${id}'s.`);
  }
  if (tx.i && issuers.length === 0 && metadata.as.authorization_response_iss_parameter_supported === true) {
    throw fail("issuer_mismatch", `${id} sends \`iss\` with every callback, and this one has none.`);
  }
  const error = params.get("error");
  if (error !== null) throw providerRefusal(id, error, params);
  if (params.has("id_token") || params.has("token") || params.has("access_token") || params.has("response")) {
    throw fail("invalid_callback", "The callback carries tokens or a JWT response: only the plain authorization code flow is accepted.");
  }
  // One code, once (RFC 6749 §3.1: parameters "MUST NOT be included more than once").
  const codes = params.getAll("code");
  if (codes.length !== 1 || codes[0] === "") throw fail("invalid_callback", "The callback carries no authorization code.");

  const body = new URLSearchParams(provider.tokenParams);
  body.set("grant_type", "authorization_code");
  body.set("code", codes[0]!);
  body.set("redirect_uri", tx.r);
  if (provider.def.pkce !== false) body.set("code_verifier", tx.v);
  const answer = await callTokenEndpoint(provider, () => postForm(metadata.tokenUrl, body, provider.clientAuth, provider.httpOptions()));
  const idToken = answer.status === 200 ? answer.body.id_token : undefined;
  let claims: Claims | undefined;
  if (typeof idToken === "string") {
    if (!provider.openid) throw fail("token_exchange_failed", `${id} answered an id_token, but it is not configured as an OpenID provider.`);
    claims = await provider.openid.verifyIdToken(provider, metadata, idToken, { nonce: tx.n, now: input.now(), maxAge: input.idTokenMaxAge });
  } else if (provider.wantsIdToken && answer.status === 200 && typeof answer.body.access_token === "string") {
    throw fail("id_token_invalid", `${id} answered no id_token to an openid request.`);
  }
  const token = tokenFromAnswer(provider, answer, input.now());
  // RFC 6749 §5.1: no scope in the answer means the requested one was granted.
  if (token.scope === undefined && tx.sc !== undefined) token.scope = tx.sc;
  const extras = provider.def.hooks?.callbackExtras?.(params);
  for (const [name, value] of Object.entries(extras ?? {})) if (!(name in token)) token[name] = value;
  return { token, claims, returnTo: tx.t };
}

function checkTransaction(provider: ResolvedProvider, tx: LoginTransaction, fail: (code: DanceErrorCode, message: string) => DanceError): void {
  if (tx.p !== provider.id || typeof tx.r !== "string" || typeof tx.t !== "string") {
    throw fail("invalid_transaction", `The login transaction does not belong to ${provider.id}.`);
  }
  if (typeof tx.v !== "string" || !VERIFIER.test(tx.v)) throw fail("invalid_transaction", "The login transaction has no PKCE verifier.");
  if (provider.wantsIdToken && provider.def.nonce !== false && (typeof tx.n !== "string" || tx.n.length < 16)) throw fail("invalid_transaction", "The login transaction has no nonce.");
}

function providerRefusal(id: string, error: string, params: URLSearchParams): DanceError {
  const uri = params.get("error_uri");
  return new DanceError("provider_error", `${id} did not authorize the login: ${cleanProviderText(error, 64)}.`, {
    provider: id,
    providerError: {
      error: cleanProviderText(error, 64) ?? "unknown_error",
      description: cleanProviderText(params.get("error_description")),
      uri: uri && /^https?:\/\//i.test(uri) ? cleanProviderText(uri, 512) : undefined,
    },
  });
}
