import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link canva}. */
export interface CanvaOptions<Id extends string = "canva"> extends PresetOptions<Id> {
  /** Canva Connect scopes (enable them on the integration first). Default `["profile:read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Canva (the Connect API). PKCE with S256 is mandatory (Dance always sends it); refresh tokens
 * are single-use.
 *
 * @example
 * ```ts
 * canva({ scope: ["profile:read", "design:meta:read"] }) // session.fetch("users/me/profile")
 * ```
 * @see https://www.canva.dev/docs/connect/authentication/
 */
export function canva<const Id extends string = "canva">(options: CanvaOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "canva",
    name: "Canva",
    authorizationUrl: "https://www.canva.com/api/oauth/authorize",
    tokenUrl: "https://api.canva.com/rest/v1/oauth/token",
    revocationUrl: "https://api.canva.com/rest/v1/oauth/revoke",
    apiBaseUrl: "https://api.canva.com/rest/v1/",
    scope: ["profile:read"],
    refresh: true,
    facts: {
      docs: "https://www.canva.dev/docs/connect/authentication/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 4 hours; each refresh returns a new refresh token." },
    },
  });
}
