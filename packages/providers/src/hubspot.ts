import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link hubspot}. */
export interface HubSpotOptions<Id extends string = "hubspot"> extends PresetOptions<Id> {
  /** HubSpot scopes, e.g. `["oauth", "crm.objects.contacts.read"]`; they must match the scopes your app requires. Default `["oauth"]`. */
  scope?: readonly string[] | string | undefined;
  /** `optional_scope`: scopes the installing user may decline. */
  optionalScope?: readonly string[] | undefined;
}

/**
 * HubSpot. Tokens come from the v3 token endpoint (`/oauth/v3/token`; the v1 endpoints other
 * libraries use are sunset on 2027-02-16). There is no userinfo: the user, hub id and
 * domain come from HubSpot's token metadata/introspection endpoint. Access tokens live
 * 30 minutes.
 *
 * @example
 * ```ts
 * hubspot({ scope: ["oauth", "crm.objects.contacts.read"] }) // HUBSPOT_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide
 */
export function hubspot<const Id extends string = "hubspot">(options: HubSpotOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { optionalScope, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "hubspot",
    name: "HubSpot",
    authorizationUrl: "https://app.hubspot.com/oauth/authorize",
    tokenUrl: "https://api.hubapi.com/oauth/v3/token",
    apiBaseUrl: "https://api.hubapi.com/",
    scope: ["oauth"],
    // HubSpot's v3 endpoint takes every parameter, the credentials too, in the form body.
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { optional_scope: optionalScope?.join(" ") },
    facts: {
      docs: "https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 30 minutes; refresh tokens are long-lived." },
    },
  });
}
