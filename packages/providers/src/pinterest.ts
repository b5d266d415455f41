import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link pinterest}. */
export interface PinterestOptions<Id extends string = "pinterest"> extends PresetOptions<Id> {
  /** Default `["user_accounts:read"]`; add `boards:read`, `pins:read`, … */
  scope?: readonly string[] | string | undefined;
}

/**
 * Pinterest (API v5; the v1 token endpoint older configs have is retired). Scopes are
 * comma-separated (`scopeSeparator: ","`); the token endpoint wants HTTP Basic. The user is
 * `session.fetch("user_account")`.
 *
 * @example
 * ```ts
 * pinterest({ scope: ["user_accounts:read", "boards:read"] })
 * ```
 * @see https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/
 */
export function pinterest<const Id extends string = "pinterest">(options: PinterestOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "pinterest",
    name: "Pinterest",
    authorizationUrl: "https://www.pinterest.com/oauth/",
    tokenUrl: "https://api.pinterest.com/v5/oauth/token",
    apiBaseUrl: "https://api.pinterest.com/v5/",
    scope: ["user_accounts:read"],
    // Pinterest joins scopes with commas.
    scopeSeparator: ",",
    refresh: true,
    facts: {
      docs: "https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/",
      refresh: {
        refreshTokens: "yes",
        rotates: "unknown",
        expiresIn: "yes",
        notes: "Access tokens live 30 days, refresh tokens a year; with continuous refresh (to become the default) each refresh answers a new refresh token.",
      },
    },
  });
}
