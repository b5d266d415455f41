import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link airtable}. */
export interface AirtableOptions<Id extends string = "airtable"> extends PresetOptions<Id> {
  /** Default `["user.email:read"]`; add `data.records:read`, `schema.bases:read`, … (each enabled on the integration). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Airtable (an OAuth integration). PKCE is mandatory, which Dance always sends. An integration
 * without a client secret is a public client: spread `clientAuth: "none"` over the preset.
 * The user is `session.fetch("meta/whoami")`.
 *
 * @example
 * ```ts
 * airtable({ scope: ["user.email:read", "data.records:read"] })
 * ```
 * @see https://airtable.com/developers/web/api/oauth-reference
 */
export function airtable<const Id extends string = "airtable">(options: AirtableOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "airtable",
    name: "Airtable",
    authorizationUrl: "https://airtable.com/oauth2/v1/authorize",
    tokenUrl: "https://airtable.com/oauth2/v1/token",
    apiBaseUrl: "https://api.airtable.com/v0/",
    scope: ["user.email:read"],
    refresh: true,
    facts: {
      docs: "https://airtable.com/developers/web/api/oauth-reference",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60 minutes; refresh tokens are single-use and live 60 days." },
    },
  });
}
