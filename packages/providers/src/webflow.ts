import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link webflow}. */
export interface WebflowOptions<Id extends string = "webflow"> extends PresetOptions<Id> {
  /** Webflow Data API scopes, e.g. `["sites:read"]`. Default `["authorized_user:read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Webflow (Data API v2). Tokens do not expire and there are no refresh tokens; the user picks
 * the sites or workspace the token may reach. The user: `session.fetch("token/authorized_by")`.
 *
 * @example
 * ```ts
 * webflow({ scope: ["authorized_user:read", "sites:read"] })
 * ```
 * @see https://developers.webflow.com/data/reference/oauth-app
 */
export function webflow<const Id extends string = "webflow">(options: WebflowOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "webflow",
    name: "Webflow",
    authorizationUrl: "https://webflow.com/oauth/authorize",
    tokenUrl: "https://api.webflow.com/oauth/access_token",
    apiBaseUrl: "https://api.webflow.com/v2/",
    scope: ["authorized_user:read"],
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://developers.webflow.com/data/reference/oauth-app",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens last until the user revokes the app." },
    },
  });
}
