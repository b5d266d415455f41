import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link wahoo}. */
export interface WahooOptions<Id extends string = "wahoo"> extends PresetOptions<Id> {
  /**
   * Wahoo scopes: `email`, `user_read`, `user_write`, `workouts_read`, `workouts_write`,
   * `routes_read`, `routes_write`, `offline_data` … Default `["user_read"]` (the profile).
   */
  scope?: readonly string[] | string | undefined;
}

/**
 * Wahoo Cloud API (ELEMNT and KICKR users' profiles and workouts). The credentials go in the
 * form body. Access tokens live 2 hours and come with a refresh token. The user:
 * `session.fetch("user")`.
 *
 * @example
 * ```ts
 * wahoo({ scope: ["user_read", "workouts_read"] }) // WAHOO_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://cloud-api.wahooligan.com/
 */
export function wahoo<const Id extends string = "wahoo">(options: WahooOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "wahoo",
    name: "Wahoo",
    authorizationUrl: "https://api.wahooligan.com/oauth/authorize",
    tokenUrl: "https://api.wahooligan.com/oauth/token",
    apiBaseUrl: "https://api.wahooligan.com/v1/",
    scope: ["user_read"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://cloud-api.wahooligan.com/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
    },
  });
}
