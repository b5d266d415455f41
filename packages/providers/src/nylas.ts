import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link nylas} (Flask-Dance's `make_nylas_blueprint`). */
export interface NylasOptions<Id extends string = "nylas"> extends PresetOptions<Id> {
  /** The data region of the Nylas application: `us` (default, api.us.nylas.com) or `eu` (api.eu.nylas.com). */
  region?: "us" | "eu" | undefined;
  /** Provider scopes that replace the connector's defaults. Default: none, the connector's (Flask-Dance's v2 `email` scope is gone in v3). */
  scope?: readonly string[] | string | undefined;
  /** `provider`: skip Nylas's provider picker, e.g. `google`, `microsoft`, `imap`. */
  provider?: string | undefined;
  /** `login_hint`: the user's e-mail address. */
  loginHint?: string | undefined;
}

const hooks: ProviderHooks = {
  // Nylas answers an id_token with no discovery document to verify it by; a plain OAuth 2 preset
  // drops it (grant_id, email and provider in the same answer identify the user).
  tokenResponse: (answer) => {
    if (answer.body.id_token === undefined) return answer;
    const { id_token: _dropped, ...body } = answer.body;
    return { ...answer, body };
  },
};

/**
 * Nylas v3 Hosted OAuth (mail, calendar and contacts of Google, Microsoft, IMAP … accounts).
 * Flask-Dance's endpoints are Nylas v2 (`api.nylas.com/oauth/*`); these are v3's
 * `/v3/connect/*` on the regional host. The client secret is the application's API key, sent as
 * a form field (Flask-Dance: `include_client_id`).
 *
 * @example
 * ```ts
 * nylas({ region: "eu", provider: "google" }) // NYLAS_OAUTH_CLIENT_SECRET = the API key; session.fetch("grants/me")
 * ```
 * @see https://developer.nylas.com/docs/v3/auth/hosted-oauth-accesstoken/
 */
export function nylas<const Id extends string = "nylas">(options: NylasOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { region = "us", provider, loginHint, ...common } = options;
  if (region !== "us" && region !== "eu") throw new TypeError(`nylas(): \`region\` must be "us" or "eu", got ${JSON.stringify(region)}`);
  const api = `https://api.${region}.nylas.com/v3/`;
  return preset(common, {
    protocol: "oauth2",
    id: "nylas",
    name: "Nylas",
    authorizationUrl: `${api}connect/auth`,
    tokenUrl: `${api}connect/token`,
    apiBaseUrl: api,
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { provider, login_hint: loginHint },
    hooks,
    facts: {
      docs: "https://developer.nylas.com/docs/v3/auth/hosted-oauth-accesstoken/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about 1 hour." },
    },
  });
}
