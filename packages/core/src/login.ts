/**
 * The two steps of the dance as request/process pairs: {@link beginLogin} builds the
 * provider redirect and the sealed login transaction; {@link completeLogin} checks the
 * callback and exchanges the code. The handler is built from them; tests and apps can call
 * them directly.
 *
 * @module
 */
import * as oauth from "oauth4webapi";
import type { JWTPayload } from "jose";
import { cleanProviderText, DanceError } from "./errors.js";
import type { ResolvedProvider } from "./provider.js";
import type { RequestCookieJar } from "./storage.js";
import { callTokenEndpoint, toToken, tokenError, verifyIdToken } from "./tokens.js";
import type { Token } from "./types.js";

/** The sealed login transaction (short field names keep the cookie small). @internal */
export interface LoginTransaction {
  /** provider id */
  p: string;
  /** state */
  s: string;
  /** PKCE code verifier */
  v: string;
  /** OIDC nonce */
  n?: string;
  /** issuer expected in `iss` / the id_token */
  i?: string;
  /** redirect_uri */
  r: string;
  /** return-to path or URL (checked again at the final redirect) */
  t: string;
  /** created at, ms */
  c: number;
}

/** The transaction cookie name of a provider (`__Host-` is added on https). */
export const transactionCookie = (provider: string) => `dance-tx-${provider}`;
const transactionPurpose = (provider: string) => `tx:${provider}`;

/** What {@link beginLogin} returns. */
export interface BeginLoginResult {
  /** The provider's authorization URL to redirect to. */
  url: URL;
  /** The transaction, for tests and debugging (contains the verifier: never log it). @internal */
  transaction: LoginTransaction;
}

/** Inputs of {@link beginLogin}. @internal */
export interface BeginLoginInput {
  provider: ResolvedProvider;
  cookies: RequestCookieJar;
  redirectUri: string;
  returnTo: string;
  maxAge: number;
  now: number;
  /** Per-request additions to the authorization request (e.g. `login_hint`). */
  params?: Readonly<Record<string, string>> | undefined;
}

/** Step 1: seal a fresh transaction into its cookie and build the provider URL. @internal */
export async function beginLogin(input: BeginLoginInput): Promise<BeginLoginResult> {
  const { provider, cookies } = input;
  const metadata = await provider.metadata();
  const wantsIdToken = provider.oidc && provider.scope.includes("openid");
  const transaction: LoginTransaction = {
    p: provider.id,
    s: oauth.generateRandomState(),
    v: oauth.generateRandomCodeVerifier(),
    r: input.redirectUri,
    t: input.returnTo,
    c: input.now,
  };
  if (wantsIdToken) transaction.n = oauth.generateRandomNonce();
  if (provider.def.issuer) transaction.i = metadata.as.issuer;
  const url = new URL(metadata.authorizationUrl);
  const q = url.searchParams;
  q.set("response_type", "code");
  q.set("client_id", provider.clientId);
  q.set("redirect_uri", input.redirectUri);
  if (provider.scope.length > 0) q.set("scope", provider.scope.join(" "));
  q.set("state", transaction.s);
  q.set("code_challenge", await oauth.calculatePKCECodeChallenge(transaction.v));
  q.set("code_challenge_method", "S256");
  if (transaction.n) q.set("nonce", transaction.n);
  if (provider.def.responseMode === "form_post") q.set("response_mode", "form_post");
  for (const [name, value] of provider.authorizationParams) q.set(name, value);
  for (const [name, value] of Object.entries(input.params ?? {})) if (!q.has(name)) q.set(name, value);
  await cookies.setSealed(transactionCookie(provider.id), transactionPurpose(provider.id), transaction, input.maxAge, {
    sameSite: provider.def.responseMode === "form_post" ? "None" : "Lax",
  });
  return { url, transaction };
}

/** What {@link completeLogin} returns on success. */
export interface CompleteLoginResult {
  token: Token;
  claims: JWTPayload | undefined;
  /** The return-to target sealed at login (check it again before redirecting). */
  returnTo: string;
}

/** Inputs of {@link completeLogin}. @internal */
export interface CompleteLoginInput {
  provider: ResolvedProvider;
  cookies: RequestCookieJar;
  params: URLSearchParams;
  now: () => number;
  /** Called once the callback is proven to belong to this browser's transaction, before any network call. */
  consumeState(state: string, expiresAt: number): boolean;
}

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** Compare two strings in time independent of where they differ. */
function timingSafeEqual(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  // Always walk the expected value's length, so the time does not depend on where they differ.
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < eb.length; i++) diff |= (ea[i] ?? 0) ^ eb[i]!;
  return diff === 0;
}

/**
 * Step 2: open the transaction, check state, iss and binding, only then look at `error`,
 * exchange the code and validate the id_token. The transaction cookie is cleared whatever
 * happens. Throws a {@link DanceError} on every failure; nothing is stored here.
 * @internal
 */
export async function completeLogin(input: CompleteLoginInput): Promise<CompleteLoginResult> {
  const { provider, cookies, params } = input;
  const id = provider.id;
  const fail = (code: ConstructorParameters<typeof DanceError>[0], message: string, cause?: unknown) =>
    new DanceError(code, message, { provider: id, cause });

  const opened = await cookies.openSealed<LoginTransaction>(transactionCookie(id), transactionPurpose(id));
  cookies.deleteSealed(transactionCookie(id));
  if (!opened || (!opened.ok && opened.reason === "invalid")) {
    throw fail("missing_transaction", `No login in progress for ${id} in this browser (or it was already completed). Start again from the login link.`);
  }
  if (!opened.ok) throw fail("transaction_expired", `The login with ${id} took too long. Start again from the login link.`);
  const tx = opened.value;
  if (tx.p !== id || typeof tx.s !== "string" || typeof tx.r !== "string" || typeof tx.t !== "string") {
    throw fail("invalid_transaction", `The login transaction does not belong to ${id}.`);
  }
  if (typeof tx.v !== "string" || !VERIFIER.test(tx.v)) throw fail("invalid_transaction", "The login transaction has no PKCE verifier.");
  const wantsIdToken = provider.oidc && provider.scope.includes("openid");
  if (wantsIdToken && (typeof tx.n !== "string" || tx.n.length < 16)) throw fail("invalid_transaction", "The login transaction has no nonce.");

  const states = params.getAll("state");
  if (states.length === 0 || states[0] === "") throw fail("state_missing", "The callback carries no state.");
  if (states.length > 1 || !timingSafeEqual(states[0]!, tx.s)) throw fail("state_mismatch", "The callback state does not match this browser's login.");
  if (!input.consumeState(tx.s, opened.expiresAt)) throw fail("missing_transaction", "This login callback was already used.");

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
  if (error !== null) {
    const uri = params.get("error_uri");
    throw new DanceError("provider_error", `${id} did not authorize the login: ${cleanProviderText(error, 64)}.`, {
      provider: id,
      providerError: {
        error: cleanProviderText(error, 64) ?? "unknown_error",
        description: cleanProviderText(params.get("error_description")),
        uri: uri && /^https?:\/\//i.test(uri) ? cleanProviderText(uri, 512) : undefined,
      },
    });
  }
  if (params.has("id_token") || params.has("token") || params.has("access_token")) {
    throw fail("invalid_callback", "The callback carries tokens: only the authorization code flow is accepted.");
  }
  const code = params.getAll("code");
  if (code.length !== 1 || code[0] === "") throw fail("invalid_callback", "The callback carries no authorization code.");

  let validated: URLSearchParams;
  try {
    // Same checks again by oauth4webapi, which brands the parameters for the grant request.
    const asForCheck = tx.i ? metadata.as : { ...metadata.as, authorization_response_iss_parameter_supported: false };
    const forCheck = new URLSearchParams(params);
    if (!tx.i) forCheck.delete("iss");
    validated = oauth.validateAuthResponse(asForCheck, provider.client, forCheck, tx.s);
  } catch (cause) {
    throw fail("invalid_callback", "The callback is not a valid authorization response.", cause);
  }

  const response = await callTokenEndpoint(provider, () =>
    oauth.authorizationCodeGrantRequest(metadata.as, provider.client, provider.clientAuth, validated, tx.r, tx.v, provider.httpOptions()),
  );
  const body = (await response.clone().json()) as Record<string, unknown>;
  let claims: JWTPayload | undefined;
  if (typeof body.id_token === "string") {
    if (!provider.oidc) throw fail("token_exchange_failed", `${id} answered an id_token, but it is not configured as an OpenID provider.`);
    claims = await verifyIdToken(provider, metadata, body.id_token, { nonce: tx.n, now: input.now() });
  } else if (wantsIdToken && response.status === 200 && typeof body.access_token === "string") {
    throw fail("id_token_invalid", `${id} answered no id_token to an openid request.`);
  }
  let result: oauth.TokenEndpointResponse;
  try {
    result = await oauth.processAuthorizationCodeResponse(metadata.as, provider.client, response, {
      expectedNonce: tx.n ?? oauth.expectNoNonce,
      requireIdToken: wantsIdToken,
    });
  } catch (cause) {
    throw tokenError(provider, cause);
  }
  return { token: toToken(result, input.now()), claims, returnTo: tx.t };
}
