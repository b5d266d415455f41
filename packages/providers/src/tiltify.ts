import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link tiltify}. */
export interface TiltifyOptions<Id extends string = "tiltify"> extends PresetOptions<Id> {
  /** Tiltify scopes: `public`, `read`, `activity:write`, `webhooks:write`. Default `["public"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Tiltify (API v5). The user: `session.fetch("public/current-user")`.
 *
 * @example
 * ```ts
 * tiltify({ scope: ["public", "read"] })
 * ```
 * @see https://developers.tiltify.com/api-reference/public
 */
export function tiltify<const Id extends string = "tiltify">(options: TiltifyOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "tiltify",
    name: "Tiltify",
    authorizationUrl: "https://v5api.tiltify.com/oauth/authorize",
    tokenUrl: "https://v5api.tiltify.com/oauth/token",
    apiBaseUrl: "https://v5api.tiltify.com/api/",
    scope: ["public"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developers.tiltify.com/api-reference/public",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
