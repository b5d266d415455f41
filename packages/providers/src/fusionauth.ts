import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link fusionauth}. */
export interface FusionAuthOptions<Id extends string = "fusionauth"> extends PresetOptions<Id> {
  /** The FusionAuth server, e.g. `https://auth.example.com`. Required. */
  baseUrl: string;
  /** The tenant's issuer setting, exactly (FusionAuth's default is `acme.com`). Default: `baseUrl`. */
  issuer?: string | undefined;
  /** `tenantId`: the tenant, on a server with several. */
  tenantId?: string | undefined;
  /** `idp_hint`: go straight to an identity provider (its id). */
  idpHint?: string | undefined;
  /** `login_hint`: an e-mail address or username to pre-fill. */
  loginHint?: string | undefined;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * FusionAuth. Its endpoints are fixed paths of the server; the id_token's issuer is the
 * tenant's "Issuer" setting, which is not a URL by default: set it to the server's URL, or pass
 * it as `issuer`.
 *
 * @example
 * ```ts
 * fusionauth({ baseUrl: "https://auth.example.com", tenantId: "5f3b…", scope: ["openid", "email", "offline_access"] })
 * ```
 * @see https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/
 */
export function fusionauth<const Id extends string = "fusionauth">(options: FusionAuthOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { baseUrl, issuer, tenantId, idpHint, loginHint, ...common } = options;
  if (!baseUrl) throw new TypeError("fusionauth(): `baseUrl` is required, e.g. https://auth.example.com");
  const base = instanceBase(baseUrl, "baseUrl");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "fusionauth",
    name: "FusionAuth",
    issuer: issuer ?? base,
    authorizationUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    jwksUrl: `${base}/.well-known/jwks.json`,
    userinfoUrl: `${base}/oauth2/userinfo`,
    apiBaseUrl: `${base}/oauth2/`,
    scope: ["openid", "profile", "email"],
    refresh: true,
    authorizationParams: { tenantId, idp_hint: idpHint, login_hint: loginHint },
    facts: {
      docs: "https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/",
      refresh: { refreshTokens: "with offline_access (and refresh tokens enabled for the application)", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
