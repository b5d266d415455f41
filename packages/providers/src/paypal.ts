import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link paypal}. */
export interface PayPalOptions<Id extends string = "paypal"> extends PresetOptions<Id> {
  /** Use PayPal's sandbox (www.sandbox.paypal.com, api-m.sandbox.paypal.com), with the sandbox app's credentials. Default `false`. */
  sandbox?: boolean | undefined;
  /** Default `["openid"]`; add `email`, `profile`, `https://uri.paypal.com/services/paypalattributes` … as enabled for the app in PayPal's dashboard. */
  scope?: readonly string[] | string | undefined;
}

const hooks: ProviderHooks = {
  // PayPal's discovery offers HS256 id_tokens (client-secret signed), which Dance refuses: OAuth 2, id_token dropped.
  tokenResponse(answer) {
    if (!("id_token" in answer.body)) return answer;
    const { id_token: _, ...body } = answer.body;
    return { ...answer, body };
  },
};

/**
 * Log in with PayPal. Live and sandbox are separate hosts with separate app credentials;
 * the token endpoint wants HTTP Basic. Scopes must be enabled for the app in PayPal's
 * Developer Dashboard first (others fail with `invalid_scope`). The user is
 * `session.fetch("v1/identity/oauth2/userinfo?schema=paypalv1.1")`; the older
 * `openidconnect` endpoints are legacy. The preset is OAuth 2, not OpenID: PayPal's id_tokens
 * may be HS256-signed with the client secret, which Dance does not verify, so it drops them.
 *
 * @example
 * ```ts
 * paypal({ sandbox: true, scope: ["openid", "email"] }) // PAYPAL_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.paypal.com/docs/log-in-with-paypal/integrate/
 */
export function paypal<const Id extends string = "paypal">(options: PayPalOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { sandbox, ...common } = options;
  const web = sandbox ? "https://www.sandbox.paypal.com" : "https://www.paypal.com";
  const api = sandbox ? "https://api-m.sandbox.paypal.com" : "https://api-m.paypal.com";
  return preset(common, {
    protocol: "oauth2",
    id: "paypal",
    name: "PayPal",
    authorizationUrl: `${web}/signin/authorize`,
    tokenUrl: `${api}/v1/oauth2/token`,
    apiBaseUrl: `${api}/`,
    scope: ["openid"],
    clientAuth: "client_secret_basic",
    refresh: true,
    hooks,
    facts: {
      docs: "https://developer.paypal.com/docs/log-in-with-paypal/integrate/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
