import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link genius}. */
export interface GeniusOptions<Id extends string = "genius"> extends PresetOptions<Id> {
  /** Genius scopes: `me`, `create_annotation`, `manage_annotation`, `vote`. Default `["me"]` (the account). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Genius (the lyrics and annotations API). The credentials go in the form body of the code
 * exchange, which also carries `response_type=code` as Genius documents it. Tokens come without
 * expiry or refresh token. The user: `session.fetch("account")`.
 *
 * @example
 * ```ts
 * genius({ scope: ["me", "vote"] }) // GENIUS_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://docs.genius.com/
 */
export function genius<const Id extends string = "genius">(options: GeniusOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { tokenParams, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "genius",
    name: "Genius",
    authorizationUrl: "https://api.genius.com/oauth/authorize",
    tokenUrl: "https://api.genius.com/oauth/token",
    apiBaseUrl: "https://api.genius.com/",
    scope: ["me"],
    clientAuth: "client_secret_post",
    tokenParams: { ...tokenParams, response_type: "code" },
    facts: {
      docs: "https://docs.genius.com/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Genius documents no token lifetime and no refresh tokens." },
    },
  });
}
