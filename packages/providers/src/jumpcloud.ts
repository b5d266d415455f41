import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link jumpcloud}. */
export interface JumpCloudOptions<Id extends string = "jumpcloud"> extends PresetOptions<Id> {
  /** Default `["openid", "profile", "email"]` (the standard scopes a Custom OIDC App maps). */
  scope?: readonly string[] | string | undefined;
}

/**
 * JumpCloud SSO, an OpenID provider shared by every organization: create a Custom OIDC App
 * (Client Authentication Type "Client Secret Basic"), add this app's callback as its redirect
 * URI and assign user groups to it. Tick the Refresh Token grant on the app for refresh tokens.
 * There is no API behind the token besides userinfo: `session.fetch("https://oauth.id.jumpcloud.com/userinfo")`.
 *
 * @example
 * ```ts
 * jumpcloud() // JUMPCLOUD_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://jumpcloud.com/support/sso-with-oidc
 */
export function jumpcloud<const Id extends string = "jumpcloud">(options: JumpCloudOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oidc",
    support: openidConnect,
    id: "jumpcloud",
    name: "JumpCloud",
    // With the trailing slash, as JumpCloud's id_tokens name it.
    issuer: "https://oauth.id.jumpcloud.com/",
    authorizationUrl: "https://oauth.id.jumpcloud.com/oauth2/auth",
    tokenUrl: "https://oauth.id.jumpcloud.com/oauth2/token",
    jwksUrl: "https://oauth.id.jumpcloud.com/.well-known/jwks.json",
    userinfoUrl: "https://oauth.id.jumpcloud.com/userinfo",
    scope: ["openid", "profile", "email"],
    refresh: true,
    facts: {
      docs: "https://jumpcloud.com/support/sso-with-oidc",
      refresh: { refreshTokens: "with the Refresh Token grant enabled on the app", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
