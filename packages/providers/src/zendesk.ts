import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link zendesk}. */
export interface ZendeskOptions<Id extends string = "zendesk"> extends PresetOptions<Id> {
  /** Your Zendesk subdomain: `acme` for acme.zendesk.com. Required. */
  subdomain: string;
  /** `read`, `write`, or resource scopes such as `users:read`, `tickets:write`. Default `["read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Zendesk, per account: every endpoint is on the account's subdomain (serving many accounts
 * with one client needs a global OAuth client from Zendesk). The preset is for confidential
 * clients, which send the secret in the token request's body (with PKCE). Tokens expire and
 * are refreshed. The user is `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * zendesk({ subdomain: "acme", scope: ["read"] }) // ZENDESK_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://support.zendesk.com/hc/en-us/articles/4408845965210
 */
export function zendesk<const Id extends string = "zendesk">(options: ZendeskOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { subdomain, ...common } = options;
  if (typeof subdomain !== "string" || !/^[a-z0-9][a-z0-9-]*$/i.test(subdomain)) throw new TypeError(`zendesk(): \`subdomain\` must be your account's subdomain (acme for acme.zendesk.com), got ${JSON.stringify(subdomain)}`);
  const base = `https://${subdomain.toLowerCase()}.zendesk.com`;
  return preset(common, {
    protocol: "oauth2",
    id: "zendesk",
    name: "Zendesk",
    authorizationUrl: `${base}/oauth/authorizations/new`,
    tokenUrl: `${base}/oauth/tokens`,
    apiBaseUrl: `${base}/api/v2/`,
    scope: ["read"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://support.zendesk.com/hc/en-us/articles/4408845965210",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Older integrations got non-expiring tokens without refresh tokens; lifetimes can be set per token request within Zendesk's limits." },
    },
  });
}
