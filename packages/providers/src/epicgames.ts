import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link epicgames}. */
export interface EpicGamesOptions<Id extends string = "epicgames"> extends PresetOptions<Id> {
  /** Epic scopes enabled for your client policy: `basic_profile`, `friends_list`, `presence`, `country`. Default `["basic_profile"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Epic Games, Epic Account Services (`api.epicgames.dev/epic/oauth/v2`; not the EOS Connect
 * `auth/v1` endpoints). The token answer adds `account_id` and `refresh_expires`/
 * `refresh_expires_at`; the user is `session.fetch("userInfo")` (case matters). Scopes
 * must first be enabled for the app's client policy in the Developer Portal. This preset is
 * OAuth 2: do not ask for `openid`.
 *
 * @example
 * ```ts
 * epicgames({ scope: ["basic_profile", "friends_list"] }) // EPICGAMES_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://dev.epicgames.com/docs/web-api-ref/authentication
 */
export function epicgames<const Id extends string = "epicgames">(options: EpicGamesOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "epicgames",
    name: "Epic Games",
    authorizationUrl: "https://www.epicgames.com/id/authorize",
    tokenUrl: "https://api.epicgames.dev/epic/oauth/v2/token",
    revocationUrl: "https://api.epicgames.dev/epic/oauth/v2/revoke",
    apiBaseUrl: "https://api.epicgames.dev/epic/oauth/v2/",
    scope: ["basic_profile"],
    // Epic's token endpoint wants HTTP Basic.
    clientAuth: "client_secret_basic",
    refresh: true,
    facts: {
      docs: "https://dev.epicgames.com/docs/web-api-ref/authentication",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about 2 hours; the refresh token's expiry comes as refresh_expires / refresh_expires_at." },
    },
  });
}
