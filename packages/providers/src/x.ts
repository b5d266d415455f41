import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link x}. */
export interface XOptions<Id extends string = "x"> extends PresetOptions<Id> {
  /** X scopes. Default `["users.read", "tweet.read"]` (what `users/me` needs); add `offline.access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * X (Twitter) with OAuth 2.0 and PKCE (the OAuth 1.0a flow is a separate preset). Confidential
 * clients authenticate with HTTP Basic; access tokens live 2 hours and come with a refresh
 * token when `offline.access` is asked for. OAuth 2.0 must be turned on in the app's settings.
 *
 * @example
 * ```ts
 * x({ scope: ["users.read", "tweet.read", "offline.access"] }) // session.fetch("users/me")
 * ```
 * @see https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code
 */
export function x<const Id extends string = "x">(options: XOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "x",
    name: "X",
    authorizationUrl: "https://x.com/i/oauth2/authorize",
    tokenUrl: "https://api.x.com/2/oauth2/token",
    revocationUrl: "https://api.x.com/2/oauth2/revoke",
    apiBaseUrl: "https://api.x.com/2/",
    scope: ["users.read", "tweet.read"],
    refresh: true,
    facts: {
      docs: "https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code",
      refresh: { refreshTokens: "with offline.access", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
    },
  });
}
