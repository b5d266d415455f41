import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link roblox}. */
export interface RobloxOptions<Id extends string = "roblox"> extends PresetOptions<Id> {
  /** Default `["openid", "profile"]`. Some scopes and claims (e.g. `email`) are only for Roblox's own apps. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `none`, `login`, `consent`, `select_account`, or several space-separated. */
  prompt?: string | undefined;
}

/**
 * Roblox, an OpenID provider with pinned metadata. Its issuer ends in a slash
 * (`https://apis.roblox.com/oauth/`), which the id_token check matches exactly. Access tokens
 * are short-lived (15 minutes) and refreshed automatically.
 *
 * @example
 * ```ts
 * roblox() // ROBLOX_OAUTH_CLIENT_ID / _SECRET; session.claims.preferred_username
 * ```
 * @see https://create.roblox.com/docs/cloud/auth/oauth2-reference
 */
export function roblox<const Id extends string = "roblox">(options: RobloxOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { prompt, ...common } = options;
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "roblox",
    name: "Roblox",
    issuer: "https://apis.roblox.com/oauth/",
    authorizationUrl: "https://apis.roblox.com/oauth/v1/authorize",
    tokenUrl: "https://apis.roblox.com/oauth/v1/token",
    jwksUrl: "https://apis.roblox.com/oauth/v1/certs",
    userinfoUrl: "https://apis.roblox.com/oauth/v1/userinfo",
    revocationUrl: "https://apis.roblox.com/oauth/v1/token/revoke",
    apiBaseUrl: "https://apis.roblox.com/",
    scope: ["openid", "profile"],
    // Roblox takes the credentials as form fields or HTTP Basic; form fields need no encoding rules.
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { prompt },
    facts: {
      docs: "https://create.roblox.com/docs/cloud/auth/oauth2-reference",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 15 minutes; each refresh answers a new refresh token." },
    },
  });
}
