import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link spotify} (Flask-Dance's `make_spotify_blueprint`). */
export interface SpotifyOptions<Id extends string = "spotify"> extends PresetOptions<Id> {
  /** Spotify scopes, e.g. `["user-read-email"]`. Default: none (Flask-Dance); `GET me` works without. */
  scope?: readonly string[] | string | undefined;
  /** `show_dialog=true`: ask the user to approve the app again. */
  showDialog?: boolean | undefined;
}

/**
 * Spotify Web API. Flask-Dance's API base `https://api.spotify.com` has no version; this one is
 * `https://api.spotify.com/v1/`, so `session.fetch("me")` works and `/v1/me` still does.
 *
 * @example
 * ```ts
 * spotify({ scope: ["user-read-email"] }) // session.fetch("me")
 * ```
 * @see https://developer.spotify.com/documentation/web-api/tutorials/code-flow
 */
export function spotify<const Id extends string = "spotify">(options: SpotifyOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { showDialog, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "spotify",
    name: "Spotify",
    authorizationUrl: "https://accounts.spotify.com/authorize",
    tokenUrl: "https://accounts.spotify.com/api/token",
    apiBaseUrl: "https://api.spotify.com/v1/",
    refresh: true,
    authorizationParams: { show_dialog: showDialog ? "true" : undefined },
    facts: {
      docs: "https://developer.spotify.com/documentation/web-api/tutorials/code-flow",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh may answer a new refresh token." },
    },
  });
}
