import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link donationAlerts}. */
export interface DonationAlertsOptions<Id extends string = "donation-alerts"> extends PresetOptions<Id> {
  /** DonationAlerts scopes, e.g. `["oauth-donation-index"]`. Default `["oauth-user-show"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * DonationAlerts. A refresh must name the scopes again. The user: `session.fetch("user/oauth")`.
 *
 * @example
 * ```ts
 * donationAlerts({ scope: ["oauth-user-show", "oauth-donation-index"] })
 * ```
 * @see https://www.donationalerts.com/apidoc
 */
export function donationAlerts<const Id extends string = "donation-alerts">(options: DonationAlertsOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const scope = options.scope ?? ["oauth-user-show"];
  return preset(options, {
    protocol: "oauth2",
    id: "donation-alerts",
    name: "DonationAlerts",
    authorizationUrl: "https://www.donationalerts.com/oauth/authorize",
    tokenUrl: "https://www.donationalerts.com/oauth/token",
    apiBaseUrl: "https://www.donationalerts.com/api/v1/",
    scope,
    clientAuth: "client_secret_post",
    // DonationAlerts wants the scopes repeated on a refresh.
    refresh: { params: { scope: typeof scope === "string" ? scope : scope.join(" ") } },
    facts: {
      docs: "https://www.donationalerts.com/apidoc",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "A refresh asks for the scopes again." },
    },
  });
}
