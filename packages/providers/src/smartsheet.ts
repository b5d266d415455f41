import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link smartsheet}. */
export interface SmartsheetOptions<Id extends string = "smartsheet"> extends PresetOptions<Id> {
  /** Smartsheet access scopes (upper case), e.g. `["READ_SHEETS"]`. Default `["READ_USERS"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Smartsheet (API 2.0, the US region). The token request carries `client_secret` (Smartsheet
 * also accepts a SHA-256 `hash` of secret and code instead). The user: `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * smartsheet({ scope: ["READ_USERS", "READ_SHEETS"] })
 * ```
 * @see https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth
 */
export function smartsheet<const Id extends string = "smartsheet">(options: SmartsheetOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "smartsheet",
    name: "Smartsheet",
    authorizationUrl: "https://app.smartsheet.com/b/authorize",
    tokenUrl: "https://api.smartsheet.com/2.0/token",
    apiBaseUrl: "https://api.smartsheet.com/2.0/",
    scope: ["READ_USERS"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "A refresh returns a new access token and refresh token." },
    },
  });
}
