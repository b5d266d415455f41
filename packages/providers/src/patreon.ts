import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link patreon}. */
export interface PatreonOptions<Id extends string = "patreon"> extends PresetOptions<Id> {
  /** Patreon scopes, e.g. `["identity", "identity[email]", "identity.memberships"]`. Default `["identity"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Patreon (API v2). The API answers JSON:API documents with no attributes unless asked for:
 * `session.fetch("identity?fields%5Buser%5D=full_name,email,image_url")`. The v1
 * `current_user` endpoint some libraries still call is deprecated.
 *
 * @example
 * ```ts
 * patreon({ scope: ["identity", "identity[email]"] }) // PATREON_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://docs.patreon.com/#oauth
 */
export function patreon<const Id extends string = "patreon">(options: PatreonOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "patreon",
    name: "Patreon",
    authorizationUrl: "https://www.patreon.com/oauth2/authorize",
    // The token endpoint lives under /api/, the authorization page does not.
    tokenUrl: "https://www.patreon.com/api/oauth2/token",
    apiBaseUrl: "https://www.patreon.com/api/oauth2/v2/",
    scope: ["identity"],
    // Patreon documents the credentials as form fields of the token request.
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://docs.patreon.com/#oauth",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "A refresh answers a new access and refresh token; access tokens live about a month." },
    },
  });
}
