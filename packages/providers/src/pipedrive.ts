import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link pipedrive}. */
export interface PipedriveOptions<Id extends string = "pipedrive"> extends PresetOptions<Id> {
  /** Pipedrive fixes the scopes in the app's settings; the authorization request carries none. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Pipedrive (Marketplace apps). Scopes are set on the app and the token endpoint wants HTTP
 * Basic. API calls go to api.pipedrive.com; the token answer's `api_domain` also names the
 * company's own API host. The user is `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * pipedrive() // PIPEDRIVE_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://pipedrive.readme.io/docs/marketplace-oauth-authorization
 */
export function pipedrive<const Id extends string = "pipedrive">(options: PipedriveOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "pipedrive",
    name: "Pipedrive",
    authorizationUrl: "https://oauth.pipedrive.com/oauth/authorize",
    tokenUrl: "https://oauth.pipedrive.com/oauth/token",
    revocationUrl: "https://oauth.pipedrive.com/oauth/revoke",
    apiBaseUrl: "https://api.pipedrive.com/v1/",
    clientAuth: "client_secret_basic",
    refresh: true,
    facts: {
      docs: "https://pipedrive.readme.io/docs/marketplace-oauth-authorization",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about an hour; an unused refresh token expires after 60 days." },
    },
  });
}
