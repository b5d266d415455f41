import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link deviantart}. */
export interface DeviantArtOptions<Id extends string = "deviantart"> extends PresetOptions<Id> {
  /** DeviantArt scopes: `user`, `browse`, `stash`, `publish`, … Default `["user"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * DeviantArt. New applications are OAuth 2.1 clients: PKCE with S256 is required (Dance always
 * sends it) and redirect URIs must match exactly. The user: `session.fetch("user/whoami")`.
 *
 * @example
 * ```ts
 * deviantart({ scope: ["user", "browse"] })
 * ```
 * @see https://www.deviantart.com/developers/authentication
 */
export function deviantart<const Id extends string = "deviantart">(options: DeviantArtOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "deviantart",
    name: "DeviantArt",
    authorizationUrl: "https://www.deviantart.com/oauth2/authorize",
    tokenUrl: "https://www.deviantart.com/oauth2/token",
    apiBaseUrl: "https://www.deviantart.com/api/v1/oauth2/",
    scope: ["user"],
    refresh: true,
    facts: {
      docs: "https://www.deviantart.com/developers/authentication",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour, refresh tokens 3 months." },
    },
  });
}
