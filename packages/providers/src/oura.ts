import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link oura}. */
export interface OuraOptions<Id extends string = "oura"> extends PresetOptions<Id> {
  /** Oura scopes: `email`, `personal`, `daily`, `heartrate`, `workout`, `session`, … Default `["personal"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Oura (API v2). Users can untick scopes on the consent screen: check the granted `scope` of the
 * token. The user: `session.fetch("usercollection/personal_info")`.
 *
 * @example
 * ```ts
 * oura({ scope: ["email", "personal", "daily"] })
 * ```
 * @see https://cloud.ouraring.com/docs/authentication
 */
export function oura<const Id extends string = "oura">(options: OuraOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "oura",
    name: "Oura",
    authorizationUrl: "https://cloud.ouraring.com/oauth/authorize",
    tokenUrl: "https://api.ouraring.com/oauth/token",
    apiBaseUrl: "https://api.ouraring.com/v2/",
    scope: ["personal"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://cloud.ouraring.com/docs/authentication",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about a day." },
    },
  });
}
