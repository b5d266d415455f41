import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link figma}. */
export interface FigmaOptions<Id extends string = "figma"> extends PresetOptions<Id> {
  /** Default `["current_user:read"]` (what `me` needs); add `file_content:read`, … */
  scope?: readonly string[] | string | undefined;
}

/**
 * Figma. Tokens come from api.figma.com (Figma's older `www.figma.com/api/oauth/token` is
 * retired) and are refreshed at a separate endpoint, `/v1/oauth/refresh`, which keeps the
 * refresh token. `files:read` is deprecated in favour of granular scopes.
 *
 * @example
 * ```ts
 * figma({ scope: ["current_user:read", "file_content:read"] }) // session.fetch("me")
 * ```
 * @see https://developers.figma.com/docs/rest-api/authentication
 */
export function figma<const Id extends string = "figma">(options: FigmaOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "figma",
    name: "Figma",
    authorizationUrl: "https://www.figma.com/oauth",
    tokenUrl: "https://api.figma.com/v1/oauth/token",
    apiBaseUrl: "https://api.figma.com/v1/",
    scope: ["current_user:read"],
    refresh: { url: "https://api.figma.com/v1/oauth/refresh" },
    facts: {
      docs: "https://developers.figma.com/docs/rest-api/authentication",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "A refresh (at /v1/oauth/refresh) answers a new access token only; the refresh token stays." },
    },
  });
}
