import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link netlify}. */
export interface NetlifyOptions<Id extends string = "netlify"> extends PresetOptions<Id> {
  /** Netlify has no scopes: a token has the user's whole API access. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Netlify (an OAuth application of User settings › Applications). The user is `session.fetch("user")`.
 *
 * @example
 * ```ts
 * netlify() // NETLIFY_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://www.netlify.com/blog/2016/10/10/integrating-with-netlify-oauth2/
 */
export function netlify<const Id extends string = "netlify">(options: NetlifyOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "netlify",
    name: "Netlify",
    authorizationUrl: "https://app.netlify.com/authorize",
    tokenUrl: "https://api.netlify.com/oauth/token",
    apiBaseUrl: "https://api.netlify.com/api/v1/",
    // Netlify's own examples send the credentials as form fields.
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://www.netlify.com/blog/2016/10/10/integrating-with-netlify-oauth2/",
      refresh: { refreshTokens: "not documented", rotates: "unknown", expiresIn: "not documented", notes: "Tokens last until the user revokes the application." },
    },
  });
}
