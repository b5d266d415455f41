import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link dribbble}. */
export interface DribbbleOptions<Id extends string = "dribbble"> extends PresetOptions<Id> {
  /** `public` and/or `upload`. Default `["public"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Dribbble (API v2). Tokens do not expire and there is no refresh; the API has no e-mail.
 *
 * @example
 * ```ts
 * dribbble() // DRIBBBLE_OAUTH_CLIENT_ID / _SECRET; session.fetch("user")
 * ```
 * @see https://developer.dribbble.com/v2/oauth/
 */
export function dribbble<const Id extends string = "dribbble">(options: DribbbleOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "dribbble",
    name: "Dribbble",
    authorizationUrl: "https://dribbble.com/oauth/authorize",
    tokenUrl: "https://dribbble.com/oauth/token",
    apiBaseUrl: "https://api.dribbble.com/v2/",
    scope: ["public"],
    // Dribbble documents client_id and client_secret as parameters of the token request.
    clientAuth: "client_secret_post",
    refresh: false,
    facts: {
      docs: "https://developer.dribbble.com/v2/oauth/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire." },
    },
  });
}
