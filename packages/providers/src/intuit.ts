import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link intuit}. */
export interface IntuitOptions<Id extends string = "intuit"> extends PresetOptions<Id> {
  /** Use the sandbox API and userinfo hosts (the OAuth endpoints are shared). Default `false`. */
  sandbox?: boolean | undefined;
  /** Default `["openid"]`; add `com.intuit.quickbooks.accounting` for QuickBooks data, `profile`, `email` … for the userinfo. */
  scope?: readonly string[] | string | undefined;
}

const hooks: ProviderHooks = {
  // The QuickBooks company id arrives on the callback, not in the token answer; API paths need it.
  callbackExtras(params) {
    const realmId = params.get("realmId");
    return realmId && /^\d{1,32}$/.test(realmId) ? { realmId } : undefined;
  },
  // Intuit's revocation endpoint takes a JSON body with HTTP Basic.
  async revoke(token, { clientId, clientSecret, fetch }) {
    const credentials = btoa(String.fromCharCode(...new TextEncoder().encode(`${clientId}:${clientSecret ?? ""}`)));
    const response = await fetch("https://developer.api.intuit.com/v2/oauth2/tokens/revoke", {
      method: "POST",
      headers: { authorization: `Basic ${credentials}`, accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ token: token.refresh_token ?? token.access_token }),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`Intuit answered HTTP ${response.status} to the token revocation`);
  },
};

/**
 * Intuit (QuickBooks Online, Sign in with Intuit), an OpenID provider with pinned metadata.
 * The callback carries the company's `realmId`, kept as `token.realmId`; QuickBooks API
 * paths need it (`company/{realmId}/companyinfo/{realmId}`).
 * Refresh tokens change on refresh and live about 100 days.
 *
 * @example
 * ```ts
 * intuit({ scope: ["openid", "email", "com.intuit.quickbooks.accounting"], sandbox: true }) // INTUIT_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0
 */
export function intuit<const Id extends string = "intuit">(options: IntuitOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { sandbox, ...common } = options;
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "intuit",
    name: "Intuit QuickBooks",
    issuer: "https://oauth.platform.intuit.com/op/v1",
    authorizationUrl: "https://appcenter.intuit.com/connect/oauth2",
    tokenUrl: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
    jwksUrl: "https://oauth.platform.intuit.com/op/v1/jwks",
    userinfoUrl: sandbox ? "https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo" : "https://accounts.platform.intuit.com/v1/openid_connect/userinfo",
    apiBaseUrl: sandbox ? "https://sandbox-quickbooks.api.intuit.com/v3/" : "https://quickbooks.api.intuit.com/v3/",
    scope: ["openid"],
    idTokenAlgorithms: ["RS256"],
    clientAuth: "client_secret_basic",
    refresh: true,
    hooks,
    facts: {
      docs: "https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens about 100 days (x_refresh_token_expires_in)." },
    },
  });
}
