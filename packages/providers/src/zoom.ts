import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link zoom}. */
export interface ZoomOptions<Id extends string = "zoom"> extends PresetOptions<Id> {
  /** Zoom's scopes are set on the app (`user:read:user`, …); asking for some is optional. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Zoom (a user-managed OAuth app; Server-to-Server apps do not sign users in). Zoom documents
 * HTTP Basic at the token endpoint; every refresh answers a new refresh token. The user is
 * `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * zoom() // ZOOM_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developers.zoom.us/docs/integrations/oauth/
 */
export function zoom<const Id extends string = "zoom">(options: ZoomOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "zoom",
    name: "Zoom",
    authorizationUrl: "https://zoom.us/oauth/authorize",
    tokenUrl: "https://zoom.us/oauth/token",
    apiBaseUrl: "https://api.zoom.us/v2/",
    refresh: true,
    facts: {
      docs: "https://developers.zoom.us/docs/integrations/oauth/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour." },
    },
  });
}
