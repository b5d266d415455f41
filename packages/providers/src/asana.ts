import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link asana}. */
export interface AsanaOptions<Id extends string = "asana"> extends PresetOptions<Id> {
  /** Default: none (an app with full permissions). Apps with granular permissions ask for theirs, e.g. `["users:read", "tasks:read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Asana. The token answer names the user (`token.data`); revocation is RFC 7009.
 *
 * @example
 * ```ts
 * asana({ scope: ["users:read", "tasks:read"] }) // session.fetch("users/me")
 * ```
 * @see https://developers.asana.com/docs/oauth
 */
export function asana<const Id extends string = "asana">(options: AsanaOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "asana",
    name: "Asana",
    authorizationUrl: "https://app.asana.com/-/oauth_authorize",
    tokenUrl: "https://app.asana.com/-/oauth_token",
    revocationUrl: "https://app.asana.com/-/oauth_revoke",
    apiBaseUrl: "https://app.asana.com/api/1.0/",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developers.asana.com/docs/oauth",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens do not expire." },
    },
  });
}
