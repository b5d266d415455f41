import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link dexcom} (Flask-Dance's `make_dexcom_blueprint`). */
export interface DexcomOptions<Id extends string = "dexcom"> extends PresetOptions<Id> {
  /** Where API calls go (Flask-Dance's `base_url`). Default `https://api.dexcom.com/`; the login and token endpoints stay on api.dexcom.com. */
  baseUrl?: string | undefined;
  /** Default `["offline_access"]`, the only scope Dexcom has (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Dexcom's CGM data API. There is no user-profile endpoint: the API gives the user's glucose
 * data (`session.fetch("v3/users/self/egvs?startDate=…&endDate=…")`). Tokens are refreshed
 * automatically, as in Flask-Dance.
 *
 * @example
 * ```ts
 * dexcom() // DEXCOM_OAUTH_CLIENT_ID / _SECRET; session.fetch("v3/users/self/dataRange")
 * ```
 * @see https://developer.dexcom.com/docs/dexcom/authentication
 */
export function dexcom<const Id extends string = "dexcom">(options: DexcomOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { baseUrl = "https://api.dexcom.com/", ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "dexcom",
    name: "Dexcom",
    authorizationUrl: "https://api.dexcom.com/v2/oauth2/login",
    tokenUrl: "https://api.dexcom.com/v2/oauth2/token",
    apiBaseUrl: `${instanceBase(baseUrl, "baseUrl")}/`,
    scope: ["offline_access"],
    refresh: true,
    facts: {
      docs: "https://developer.dexcom.com/docs/dexcom/authentication",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
    },
  });
}
