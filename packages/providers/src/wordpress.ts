import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link wordpress}. */
export interface WordPressOptions<Id extends string = "wordpress"> extends PresetOptions<Id> {
  /** `auth` (login only: just `me`), `global` (all the user's sites), or `[]` for one site the user picks. Default `["auth"]`. */
  scope?: readonly string[] | string | undefined;
  /** `blog=`: a site id or URL to preselect (with the one-site scope). */
  blog?: string | undefined;
}

/**
 * WordPress.com (and Jetpack sites), not self-hosted WordPress. Code-flow tokens do not expire;
 * there are no refresh tokens.
 *
 * @example
 * ```ts
 * wordpress() // session.fetch("me")
 * ```
 * @see https://developer.wordpress.com/docs/oauth2/
 */
export function wordpress<const Id extends string = "wordpress">(options: WordPressOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { blog, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "wordpress",
    name: "WordPress.com",
    authorizationUrl: "https://public-api.wordpress.com/oauth2/authorize",
    tokenUrl: "https://public-api.wordpress.com/oauth2/token",
    apiBaseUrl: "https://public-api.wordpress.com/rest/v1.1/",
    scope: ["auth"],
    clientAuth: "client_secret_post",
    authorizationParams: { blog },
    facts: {
      docs: "https://developer.wordpress.com/docs/oauth2/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens of the code flow do not expire." },
    },
  });
}
