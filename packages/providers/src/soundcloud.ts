import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link soundcloud}. */
export interface SoundCloudOptions<Id extends string = "soundcloud"> extends PresetOptions<Id> {
  /** SoundCloud has no scopes to ask for. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * SoundCloud, on its current auth host (secure.soundcloud.com; the soundcloud.com/connect
 * endpoints of older libraries are retired). PKCE is mandatory, API calls carry
 * `Authorization: OAuth <token>`, and refresh tokens are single-use.
 *
 * @example
 * ```ts
 * soundcloud() // SOUNDCLOUD_OAUTH_CLIENT_ID / _SECRET; session.fetch("me")
 * ```
 * @see https://developers.soundcloud.com/docs/api/guide#authentication
 */
export function soundcloud<const Id extends string = "soundcloud">(options: SoundCloudOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "soundcloud",
    name: "SoundCloud",
    authorizationUrl: "https://secure.soundcloud.com/authorize",
    tokenUrl: "https://secure.soundcloud.com/oauth/token",
    apiBaseUrl: "https://api.soundcloud.com/",
    // SoundCloud's guide and scripts send the credentials as form fields.
    clientAuth: "client_secret_post",
    // SoundCloud's API wants its own scheme, not Bearer.
    tokenScheme: "OAuth",
    refresh: true,
    facts: {
      docs: "https://developers.soundcloud.com/docs/api/guide#authentication",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live about an hour; each refresh token works once." },
    },
  });
}
