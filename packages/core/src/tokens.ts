/**
 * Token endpoint responses: normalise what providers really answer, turn oauth4webapi
 * results into stored tokens, verify id_tokens with jose.
 *
 * @internal
 * @module
 */
import * as oauth from "oauth4webapi";
import { errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { cleanProviderText, DanceError } from "./errors.js";
import type { ProviderMetadata, ResolvedProvider } from "./provider.js";
import type { Token } from "./types.js";

const MAX_TOKEN_BODY = 256 * 1024;

/**
 * Make a token endpoint response processable by content, not by status alone:
 * run the provider's hook, turn 5xx / non-protocol bodies into `provider_unavailable`,
 * and a form-encoded body into JSON.
 */
export async function prepareTokenResponse(provider: ResolvedProvider, response: Response): Promise<Response> {
  if (provider.def.hooks?.tokenResponse) response = await provider.def.hooks.tokenResponse(response);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new DanceError("provider_unavailable", `The token endpoint of ${provider.id} did not answer completely.`, { provider: provider.id, cause });
  }
  if (text.length > MAX_TOKEN_BODY) {
    throw new DanceError("provider_unavailable", `The token endpoint of ${provider.id} answered an oversized body.`, { provider: provider.id });
  }
  const type = (response.headers.get("content-type") ?? "").toLowerCase();
  let body: unknown;
  if (type.includes("application/x-www-form-urlencoded") || (!type.includes("json") && /^[\w.-]+=[^<>{}]*$/.test(text.trim()))) {
    body = Object.fromEntries(new URLSearchParams(text.trim()));
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  if (response.status >= 500 || !isObject) {
    const isOAuthError = isObject && typeof (body as { error?: unknown }).error === "string";
    if (!isOAuthError || response.status >= 500) {
      throw new DanceError(
        "provider_unavailable",
        `The token endpoint of ${provider.id} answered HTTP ${response.status} ${isObject ? "" : "with a body that is not a token response"}`.trim() + ".",
        { provider: provider.id },
      );
    }
  }
  const json = body as Record<string, unknown>;
  // Some providers send expires_in as a string; oauth4webapi wants a number.
  if (typeof json.expires_in === "string" && /^\d+$/.test(json.expires_in)) json.expires_in = Number(json.expires_in);
  return new Response(JSON.stringify(json), {
    status: response.status,
    headers: { "content-type": "application/json", ...(response.headers.get("www-authenticate") ? { "www-authenticate": response.headers.get("www-authenticate")! } : {}) },
  });
}

/** Send a token endpoint request with a timeout; network faults become `provider_unavailable`. */
export async function callTokenEndpoint(provider: ResolvedProvider, send: () => Promise<Response>): Promise<Response> {
  let response: Response;
  try {
    response = await send();
  } catch (cause) {
    if (cause instanceof DanceError) throw cause;
    throw new DanceError("provider_unavailable", `The token endpoint of ${provider.id} could not be reached.`, { provider: provider.id, cause });
  }
  return prepareTokenResponse(provider, response);
}

/** Map an oauth4webapi processing error of a token response. */
export function tokenError(provider: ResolvedProvider, cause: unknown, code: "token_exchange_failed" | "reauth_required" = "token_exchange_failed"): DanceError {
  if (cause instanceof DanceError) return cause;
  if (cause instanceof oauth.ResponseBodyError) {
    return new DanceError(code, `The token endpoint of ${provider.id} refused: ${cleanProviderText(cause.error, 64)}.`, {
      provider: provider.id,
      cause,
      providerError: {
        error: cleanProviderText(cause.error, 64) ?? "unknown_error",
        description: cleanProviderText(cause.error_description),
        uri: undefined,
      },
    });
  }
  return new DanceError(code, `The token endpoint of ${provider.id} did not answer a valid token.`, { provider: provider.id, cause });
}

/** Build the stored token from a processed token response. `expires_at` is seconds since the epoch. */
export function toToken(response: oauth.TokenEndpointResponse, nowMs: number, previous?: Token | null): Token {
  const token: Token = { ...(response as Record<string, unknown>) } as Token;
  token.token_type = String(response.token_type ?? "bearer").toLowerCase();
  if (typeof token.expires_in === "number" && token.expires_in > 0) token.expires_at = Math.floor(nowMs / 1000) + Math.floor(token.expires_in);
  else delete token.expires_at;
  if (previous) {
    // A refresh may omit the refresh token or id_token: keep the old ones (RFC 6749 §6).
    if (!token.refresh_token && previous.refresh_token) token.refresh_token = previous.refresh_token;
    if (!token.id_token && previous.id_token) token.id_token = previous.id_token;
  }
  for (const key of Object.keys(token)) if (token[key] === undefined) delete token[key];
  return token;
}

/** What an id_token must match. */
export interface IdTokenExpectations {
  nonce?: string | undefined;
  /** For refreshed id_tokens: the claims of the original one (OIDC Core §12.2). */
  previous?: JWTPayload | undefined;
  now: number;
}

/**
 * Verify an id_token with jose: signature against the provider's JWKS (asymmetric algorithms
 * only), iss, aud (every extra audience must be trusted), exp/iat with 30 s tolerance, sub,
 * nonce; for a refresh, the same iss/sub/aud as before.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(
  provider: ResolvedProvider,
  metadata: ProviderMetadata,
  idToken: string,
  expect: IdTokenExpectations,
): Promise<JWTPayload> {
  const fail = (reason: string, cause?: unknown) =>
    new DanceError("id_token_invalid", `The id_token from ${provider.id} is invalid: ${reason}.`, { provider: provider.id, cause });
  if (!metadata.jwks) throw fail("no JWKS to verify its signature");
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, metadata.jwks, {
      issuer: metadata.as.issuer,
      audience: provider.clientId,
      algorithms: [...metadata.algorithms],
      clockTolerance: 30,
      currentDate: new Date(expect.now),
      requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
    }));
  } catch (cause) {
    if (cause instanceof joseErrors.JWKSTimeout || (cause instanceof Error && cause.name === "TypeError")) {
      throw new DanceError("provider_unavailable", `The JWKS of ${provider.id} could not be fetched.`, { provider: provider.id, cause });
    }
    const code = (cause as { code?: string }).code ?? "";
    throw fail(code === "ERR_JWKS_NO_MATCHING_KEY" || code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "bad signature" : (cause as Error).message, cause);
  }
  if (typeof payload.sub !== "string" || payload.sub === "") throw fail("no sub");
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const trusted = new Set([provider.clientId, ...(provider.def.trustedAudiences ?? [])]);
  if (audiences.some((aud) => typeof aud !== "string" || !trusted.has(aud))) throw fail("untrusted audience");
  if (audiences.length > 1 && payload.azp !== provider.clientId) throw fail("azp is not the client id");
  if (payload.azp !== undefined && payload.azp !== provider.clientId) throw fail("azp is not the client id");
  if (expect.nonce !== undefined && payload.nonce !== expect.nonce) throw fail(payload.nonce === undefined ? "nonce missing" : "nonce mismatch");
  if (expect.previous) {
    const before = expect.previous;
    const sameAud = JSON.stringify([before.aud].flat().sort()) === JSON.stringify([payload.aud].flat().sort());
    if (payload.iss !== before.iss || payload.sub !== before.sub || !sameAud) throw fail("the refreshed id_token names another iss, sub or aud");
  }
  return payload;
}

/** Decode (not verify) the payload of a JWT we verified before storing it. */
export function decodeJwtPayload(jwt: string | undefined): Record<string, unknown> | undefined {
  if (!jwt) return undefined;
  const part = jwt.split(".")[1];
  if (!part) return undefined;
  try {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
