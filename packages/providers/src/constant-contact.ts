import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link constantContact}. */
export interface ConstantContactOptions<Id extends string = "constant-contact"> extends PresetOptions<Id> {
  /** Constant Contact scopes, e.g. `["account_read", "contact_data"]`; add `offline_access` for refresh tokens. Default `["account_read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Constant Contact (V3 API, on its 2022 authorization service authz.constantcontact.com;
 * the V2-era oauth2.constantcontact.com endpoints are legacy). The token endpoint wants HTTP
 * Basic; refresh tokens come with `offline_access` and rotate or not as the app is set up.
 * `session.fetch("account/summary")` describes the account.
 *
 * @example
 * ```ts
 * constantContact({ scope: ["account_read", "contact_data", "offline_access"] }) // CONSTANT_CONTACT_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.constantcontact.com/api_guide/server_flow.html
 */
export function constantContact<const Id extends string = "constant-contact">(options: ConstantContactOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const scope = options.scope ?? ["account_read"];
  return preset(options, {
    protocol: "oauth2",
    id: "constant-contact",
    name: "Constant Contact",
    authorizationUrl: "https://authz.constantcontact.com/oauth2/default/v1/authorize",
    tokenUrl: "https://authz.constantcontact.com/oauth2/default/v1/token",
    apiBaseUrl: "https://api.cc.email/v3/",
    scope,
    clientAuth: "client_secret_basic",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    facts: {
      docs: "https://developer.constantcontact.com/api_guide/server_flow.html",
      refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes", notes: "Long-lived or rotating refresh tokens are an app setting; access tokens are JWTs." },
    },
  });
}
