import type { OAuth2ProviderDefinition } from "@dance/core";
import { openidConnect } from "@dance/core/oidc";

/** Options of {@link oidc}: `id` and `issuer`, plus any provider field to pin or override. */
export type OidcOptions<Id extends string = string> = Omit<OAuth2ProviderDefinition<Id>, "protocol" | "issuer" | "support"> & { issuer: string };

/**
 * A custom OpenID Connect provider. By default its metadata is discovered from
 * `{issuer}/.well-known/openid-configuration` (the document must name the same issuer);
 * pin `authorizationUrl`, `tokenUrl` and `jwksUrl` to skip discovery. The id_token is
 * verified (signature via JWKS, iss, aud, exp, iat, nonce) by `@dance/core/oidc`, which this sets as `support`. Default scope `openid profile email`;
 * with `offline_access` in the scope, `prompt=consent` is sent unless you set a prompt (OIDC Core §11).
 *
 * @example
 * ```ts
 * oidc({ id: "company", issuer: "https://login.company.test" })
 * ```
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 */
export function oidc<const Id extends string>(options: OidcOptions<Id>): OAuth2ProviderDefinition<Id> {
  const definition: OAuth2ProviderDefinition<Id> = { scope: ["openid", "profile", "email"], ...options, protocol: "oidc", support: openidConnect };
  const scope = typeof definition.scope === "string" ? definition.scope.split(" ") : (definition.scope ?? []);
  // OpenID Connect Core §11: offline_access is ignored unless the request asks for consent.
  if (scope.includes("offline_access") && definition.authorizationParams?.prompt === undefined) {
    definition.authorizationParams = { ...definition.authorizationParams, prompt: "consent" };
  }
  return definition;
}
