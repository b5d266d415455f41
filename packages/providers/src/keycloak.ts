import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link keycloak}. */
export interface KeycloakOptions<Id extends string = "keycloak"> extends PresetOptions<Id> {
  /** The server's public URL, e.g. `https://auth.example.com` (add `/auth` for Keycloak before 17 or a relative path). Required. */
  baseUrl: string;
  /** The realm. Required. */
  realm: string;
  /** Default `["openid", "profile", "email"]`; `offline_access` gives an offline token. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `none`, `login`, `consent` … */
  prompt?: string | undefined;
  /** `kc_idp_hint`: go straight to a brokered identity provider (its alias). */
  idpHint?: string | undefined;
  /** `login_hint`: a username to pre-fill. */
  loginHint?: string | undefined;
}

/**
 * Keycloak, an OpenID provider per realm: metadata from discovery of
 * `{baseUrl}/realms/{realm}` (the issuer is the realm URL as the browser sees it).
 *
 * @example
 * ```ts
 * keycloak({ baseUrl: "https://auth.example.com", realm: "acme" })
 * ```
 * @see https://www.keycloak.org/securing-apps/oidc-layers
 */
export function keycloak<const Id extends string = "keycloak">(options: KeycloakOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { baseUrl, realm, prompt, idpHint, loginHint, ...common } = options;
  if (!baseUrl || !realm) throw new TypeError("keycloak(): `baseUrl` and `realm` are required, e.g. { baseUrl: \"https://auth.example.com\", realm: \"acme\" }");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "keycloak",
    name: "Keycloak",
    issuer: `${instanceBase(baseUrl, "baseUrl")}/realms/${encodeURIComponent(realm)}`,
    discovery: true,
    scope: ["openid", "profile", "email"],
    refresh: true,
    authorizationParams: { prompt, kc_idp_hint: idpHint, login_hint: loginHint },
    facts: {
      docs: "https://www.keycloak.org/securing-apps/oidc-layers",
      refresh: {
        refreshTokens: "yes",
        rotates: "no",
        expiresIn: "yes",
        notes: "Access tokens live 5 minutes by default (a realm setting); the old refresh token stays valid unless the realm revokes refresh tokens.",
      },
    },
  });
}
