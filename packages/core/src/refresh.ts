/**
 * The refresh-token grant (RFC 6749 §6), validated like the code exchange: a refreshed
 * id_token must name the same iss, sub and aud as the first one (OIDC Core §12.2).
 *
 * @internal
 * @module
 */
import * as oauth from "oauth4webapi";
import { storedClaims, verifyIdToken } from "./id-token.js";
import type { ResolvedProvider } from "./metadata.js";
import { callTokenEndpoint, toToken, tokenError } from "./tokens.js";
import type { Token } from "./types.js";

/** Refresh this long before `expires_at` (SECURITY.md: 60 s). */
export const REFRESH_LEEWAY_S = 60;

/** Run the refresh-token grant and validate the answer. Throws; the caller keeps the old token unless told `reauth_required`. */
export async function refreshToken(provider: ResolvedProvider, old: Token, now: () => number, idTokenMaxAge: number): Promise<Token> {
  const metadata = await provider.metadata();
  const as = provider.refreshUrl ? { ...metadata.as, token_endpoint: provider.refreshUrl } : metadata.as;
  const client = provider.client();
  const { response, body } = await callTokenEndpoint(provider, () =>
    oauth.refreshTokenGrantRequest(as, client, provider.clientAuth, old.refresh_token!, {
      ...provider.httpOptions(),
      ...(provider.refreshParams ? { additionalParameters: provider.refreshParams } : {}),
    }),
  );
  // Verify a refreshed id_token first (as at login), so any bad id_token is `id_token_invalid`.
  if (response.status === 200 && typeof body.id_token === "string" && (old.id_token || provider.oidc)) {
    await verifyIdToken(provider, metadata, body.id_token, { previous: storedClaims(old.id_token), now: now(), maxAge: idTokenMaxAge });
  }
  let result: oauth.TokenEndpointResponse;
  try {
    result = await oauth.processRefreshTokenResponse(as, client, response);
  } catch (cause) {
    const status = cause instanceof oauth.ResponseBodyError ? cause.status : 0;
    throw tokenError(provider, cause, status >= 400 && status < 500 ? "reauth_required" : "token_exchange_failed");
  }
  return toToken(result, now(), old);
}
