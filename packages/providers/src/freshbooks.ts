import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link freshbooks}. */
export interface FreshBooksOptions<Id extends string = "freshbooks"> extends PresetOptions<Id> {
  /** FreshBooks scopes enabled for your app, e.g. `["user:profile:read", "user:clients:read"]`. Default `["user:profile:read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * FreshBooks (the current API; the classic OAuth 1 API is retired). The user is
 * `session.fetch("auth/api/v1/users/me")`, wrapped in `response`, with the business and
 * account ids later calls need. Refresh tokens work once; access tokens live 12 hours.
 * Libraries use two authorization hosts (auth.freshbooks.com and my.freshbooks.com); both
 * reach FreshBooks' sign-in.
 *
 * @example
 * ```ts
 * freshbooks() // FRESHBOOKS_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://www.freshbooks.com/api/authenticating-with-oauth-2-0-on-the-new-freshbooks-api
 */
export function freshbooks<const Id extends string = "freshbooks">(options: FreshBooksOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "freshbooks",
    name: "FreshBooks",
    authorizationUrl: "https://auth.freshbooks.com/service/auth/oauth/authorize",
    tokenUrl: "https://api.freshbooks.com/auth/oauth/token",
    revocationUrl: "https://api.freshbooks.com/auth/oauth/revoke",
    apiBaseUrl: "https://api.freshbooks.com/",
    scope: ["user:profile:read"],
    // FreshBooks documents client_id and client_secret as fields of the token request.
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://www.freshbooks.com/api/authenticating-with-oauth-2-0-on-the-new-freshbooks-api",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 12 hours; each refresh token works once." },
    },
  });
}
