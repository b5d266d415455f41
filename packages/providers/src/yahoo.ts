import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link yahoo}. */
export interface YahooOptions<Id extends string = "yahoo"> extends PresetOptions<Id> {
  /** Default `["openid"]`; add `profile` / `email` only if the app was registered with them (Yahoo fixes them at registration). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Sign in with Yahoo, an OpenID provider with pinned metadata (issuer
 * `https://api.login.yahoo.com`; its endpoints are `request_auth` and `get_token`). The token
 * answer also carries `xoauth_yahoo_guid`.
 *
 * @example
 * ```ts
 * yahoo({ scope: ["openid", "profile", "email"] }) // session.claims.email
 * ```
 * @see https://developer.yahoo.com/oauth2/guide/openid_connect/
 */
export function yahoo<const Id extends string = "yahoo">(options: YahooOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oidc",
    support: openidConnect,
    id: "yahoo",
    name: "Yahoo",
    issuer: "https://api.login.yahoo.com",
    authorizationUrl: "https://api.login.yahoo.com/oauth2/request_auth",
    tokenUrl: "https://api.login.yahoo.com/oauth2/get_token",
    jwksUrl: "https://api.login.yahoo.com/openid/v1/certs",
    userinfoUrl: "https://api.login.yahoo.com/openid/v1/userinfo",
    apiBaseUrl: "https://api.login.yahoo.com/",
    scope: ["openid"],
    refresh: true,
    facts: {
      docs: "https://developer.yahoo.com/oauth2/guide/openid_connect/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour." },
    },
  });
}
