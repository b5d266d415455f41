/**
 * Reading the claims of an id_token without verifying it — for one Dance itself verified before
 * storing it, and for the issuer an `idTokenIssuer` hook picks before verification. Verifying
 * is `@dance/core/oidc`'s (jose); this part is plain base64url and JSON so that core stays
 * free of jose.
 *
 * @internal
 * @module
 */
import { DanceError } from "./errors.js";
import type { ProviderMetadata, ResolvedProvider } from "./metadata.js";

/** Claims of a JWT. */
export type Claims = Record<string, unknown>;

const B64URL = /^[A-Za-z0-9_-]*$/;

/** The payload of a compact JWS (three base64url segments, a JSON object in the middle), or undefined. */
export function decodeJwtPayload(jwt: string): Claims | undefined {
  const parts = jwt.split(".");
  if (parts.length !== 3 || !B64URL.test(parts[1]!) || parts[1]!.length % 4 === 1) return undefined;
  try {
    const base64 = parts[1]!.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
    return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? (payload as Claims) : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of a JWT we verified before storing it (not verified again), or undefined. */
export function storedClaims(jwt: string | undefined): Claims | undefined {
  return jwt ? decodeJwtPayload(jwt) : undefined;
}

/** The issuer an id_token must name: the provider's, or what its `idTokenIssuer` hook says for this token (Entra's multi-tenant `{tid}`). */
export function expectedIssuer(provider: ResolvedProvider, metadata: ProviderMetadata, idToken: string): string {
  const hook = provider.def.hooks?.idTokenIssuer;
  if (!hook) return metadata.as.issuer;
  const claims = storedClaims(idToken);
  if (!claims) throw new DanceError("id_token_invalid", `The id_token from ${provider.id} is invalid: not a JWT.`, { provider: provider.id });
  return hook(claims, metadata.as.issuer);
}
