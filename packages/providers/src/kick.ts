import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link kick}. */
export interface KickOptions<Id extends string = "kick"> extends PresetOptions<Id> {
  /** Kick scopes, e.g. `["user:read", "channel:read"]`. Default `["user:read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Kick. PKCE (S256) is mandatory, the credentials go in the token request's body, and the
 * logged-in user is `GET users` (answered as `{ data: [user] }`).
 *
 * @example
 * ```ts
 * kick({ scope: ["user:read", "channel:read"] }) // KICK_OAUTH_CLIENT_ID / _SECRET; session.fetch("users")
 * ```
 * @see https://docs.kick.com/getting-started/generating-tokens-oauth2-flow
 */
export function kick<const Id extends string = "kick">(options: KickOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "kick",
    name: "Kick",
    authorizationUrl: "https://id.kick.com/oauth/authorize",
    tokenUrl: "https://id.kick.com/oauth/token",
    revocationUrl: "https://id.kick.com/oauth/revoke",
    apiBaseUrl: "https://api.kick.com/public/v1/",
    scope: ["user:read"],
    // Kick's docs send client_id and client_secret as form fields.
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://docs.kick.com/getting-started/generating-tokens-oauth2-flow",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
