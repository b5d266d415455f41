import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link tumblr}. */
export interface TumblrOptions<Id extends string = "tumblr"> extends PresetOptions<Id> {
  /** Default `["basic"]`; add `write`, and `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Tumblr, with OAuth 2 (its OAuth 1.0a endpoints are the legacy ones). The user is
 * `session.fetch("user/info")` (under `response.user`).
 *
 * @example
 * ```ts
 * tumblr({ scope: ["basic", "offline_access"] })
 * ```
 * @see https://www.tumblr.com/docs/en/api/v2#oauth2-authorization
 */
export function tumblr<const Id extends string = "tumblr">(options: TumblrOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const scope = options.scope ?? ["basic"];
  return preset(options, {
    protocol: "oauth2",
    id: "tumblr",
    name: "Tumblr",
    authorizationUrl: "https://www.tumblr.com/oauth2/authorize",
    tokenUrl: "https://api.tumblr.com/v2/oauth2/token",
    apiBaseUrl: "https://api.tumblr.com/v2/",
    scope,
    clientAuth: "client_secret_post",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    facts: {
      docs: "https://www.tumblr.com/docs/en/api/v2#oauth2-authorization",
      refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
