import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link imgur}. */
export interface ImgurOptions<Id extends string = "imgur"> extends PresetOptions<Id> {
  /** Imgur has no scopes; none is sent. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Imgur (API v3). No scopes; refresh tokens do not expire. The token names the
 * `account_username`; the user: `session.fetch("account/me")`.
 *
 * @example
 * ```ts
 * imgur()
 * ```
 * @see https://api.imgur.com/oauth2
 */
export function imgur<const Id extends string = "imgur">(options: ImgurOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "imgur",
    name: "Imgur",
    authorizationUrl: "https://api.imgur.com/oauth2/authorize",
    tokenUrl: "https://api.imgur.com/oauth2/token",
    apiBaseUrl: "https://api.imgur.com/3/",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://api.imgur.com/oauth2",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Refresh tokens do not expire; Imgur's docs have given access tokens 1 month, and later 1 hour." },
    },
  });
}
