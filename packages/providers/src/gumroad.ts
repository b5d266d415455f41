import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link gumroad}. */
export interface GumroadOptions<Id extends string = "gumroad"> extends PresetOptions<Id> {
  /** Gumroad scopes: `view_profile`, `edit_products`, `view_sales`, `view_payouts`, … Default `["view_profile"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Gumroad. API answers are wrapped (`{ success, user }`): `session.fetch("user")`. The token
 * endpoint is on api.gumroad.com (older examples and Grant use gumroad.com/oauth/token).
 *
 * @example
 * ```ts
 * gumroad({ scope: ["view_profile", "view_sales"] })
 * ```
 * @see https://app.gumroad.com/api
 */
export function gumroad<const Id extends string = "gumroad">(options: GumroadOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "gumroad",
    name: "Gumroad",
    authorizationUrl: "https://gumroad.com/oauth/authorize",
    tokenUrl: "https://api.gumroad.com/oauth/token",
    apiBaseUrl: "https://api.gumroad.com/v2/",
    scope: ["view_profile"],
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://app.gumroad.com/api",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "unknown", notes: "Gumroad does not document token lifetimes; its tokens have been long-lived." },
    },
  });
}
