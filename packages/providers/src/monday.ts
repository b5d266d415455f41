import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link monday}. */
export interface MondayOptions<Id extends string = "monday"> extends PresetOptions<Id> {
  /** Default `["me:read"]`; add `boards:read`, … (each listed on the app version). */
  scope?: readonly string[] | string | undefined;
  /** An app still on monday's legacy OAuth 2.0 flow: the token endpoint `auth.monday.com/oauth2/token`, tokens that never expire. */
  legacy?: boolean | undefined;
}

/**
 * monday.com, with OAuth 2.1 (every app created since it became the default: PKCE, expiring
 * tokens, refresh tokens). An account admin must install the app before its members can
 * authorize it. The API is GraphQL: `session.fetch("v2", { method: "POST", … '{"query":"{ me { id name email } }"}' })`.
 *
 * @example
 * ```ts
 * monday({ scope: ["me:read", "boards:read"] })
 * ```
 * @see https://developer.monday.com/apps/docs/oauth-2-1
 */
export function monday<const Id extends string = "monday">(options: MondayOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { legacy, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "monday",
    name: "monday.com",
    authorizationUrl: "https://auth.monday.com/oauth2/authorize",
    tokenUrl: legacy ? "https://auth.monday.com/oauth2/token" : "https://auth.monday.com/oauth_ms/oauth/token",
    apiBaseUrl: "https://api.monday.com/",
    scope: ["me:read"],
    // The legacy flow documents the credentials as form fields of the exchange.
    clientAuth: "client_secret_post",
    refresh: !legacy,
    facts: {
      docs: "https://developer.monday.com/apps/docs/oauth-2-1",
      refresh: { refreshTokens: "yes (OAuth 2.1; the legacy flow has none)", rotates: "unknown", expiresIn: "yes (OAuth 2.1)", notes: "Legacy tokens stop working with API version 2027-04." },
    },
  });
}
