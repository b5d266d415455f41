/**
 * OpenID Connect id_tokens, verified with jose: the signature against the provider's JWKS
 * (asymmetric algorithms only), iss, aud (every extra audience trusted), azp, exp, iat (not
 * older than the maximum age, not in the future), sub, nonce; for a refresh, the same
 * iss/sub/aud as before. Every use of jose in core lives here, reached only through
 * `openidConnect` (`./index.ts`).
 *
 * @internal
 * @module
 */
import { createRemoteJWKSet, customFetch, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { expectedIssuer } from "../claims.js";
import { DanceError } from "../errors.js";
import type { MetadataOptions, ProviderMetadata, ResolvedProvider } from "../metadata.js";
import type { IdTokenExpectations } from "../support.js";

/** A remote JWKS (fetched on demand, cached, re-fetched for an unknown `kid`). */
export type JwksSet = ReturnType<typeof createRemoteJWKSet>;

/** Clock tolerance of every time check (SECURITY.md). */
export const CLOCK_TOLERANCE_S = 30;

/** The JWKS at `url`, shared by every instance of one Dance. Network faults surface as `provider_unavailable`. */
export function jwksFor(url: string, options: MetadataOptions): JwksSet {
  let set = options.shared.jwks.get(url) as JwksSet | undefined;
  if (!set) {
    const fetchImpl = options.fetch;
    set = createRemoteJWKSet(new URL(url), {
      timeoutDuration: options.timeout,
      [customFetch]: async (input: string | URL | Request, init?: RequestInit) => {
        try {
          return await fetchImpl(input, init);
        } catch (cause) {
          if (cause instanceof Error && cause.name === "TimeoutError") throw cause; // jose turns it into JWKSTimeout
          throw new DanceError("provider_unavailable", `The JWKS at ${url} could not be fetched.`, { cause });
        }
      },
    });
    options.shared.jwks.set(url, set);
  }
  return set;
}

/**
 * Verify an id_token.
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
  const jwks = metadata.jwks as JwksSet;
  const issuer = expectedIssuer(provider, metadata, idToken);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, jwks, {
      issuer,
      audience: provider.clientId,
      algorithms: [...metadata.algorithms],
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(expect.now),
      maxTokenAge: expect.maxAge,
      requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
    }));
  } catch (cause) {
    if (cause instanceof DanceError) throw new DanceError(cause.code, cause.message, { provider: provider.id, cause });
    if (cause instanceof joseErrors.JWKSTimeout || (cause instanceof joseErrors.JOSEError && cause.code === "ERR_JOSE_GENERIC")) {
      throw new DanceError("provider_unavailable", `The JWKS of ${provider.id} could not be fetched.`, { provider: provider.id, cause });
    }
    const badSignature = cause instanceof joseErrors.JWKSNoMatchingKey || cause instanceof joseErrors.JWSSignatureVerificationFailed;
    throw fail(badSignature ? "bad signature" : (cause as Error).message, cause);
  }
  if (typeof payload.iat === "number" && payload.iat > expect.now / 1000 + CLOCK_TOLERANCE_S) throw fail("issued in the future");
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
