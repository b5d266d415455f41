import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link okta}. */
export interface OktaOptions<Id extends string = "okta"> extends PresetOptions<Id> {
  /** Your Okta domain, e.g. `dev-123456.okta.com` or a custom domain. Required. */
  domain: string;
  /**
   * A custom authorization server (`default`, or its id): issuer `https://{domain}/oauth2/{id}`.
   * Without it, the org authorization server (issuer `https://{domain}`), whose access tokens
   * are only for Okta's own APIs.
   */
  authorizationServerId?: string | undefined;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `none`, `consent`, `login`, `login consent`. */
  prompt?: string | undefined;
  /** `login_hint`: a username to pre-fill. */
  loginHint?: string | undefined;
  /** `idp`: route to an identity provider configured in Okta. */
  idp?: string | undefined;
}

/**
 * Okta, an OpenID provider per org: metadata from discovery of the org or custom
 * authorization server (the issuer must match it exactly).
 *
 * @example
 * ```ts
 * okta({ domain: "dev-123456.okta.com", authorizationServerId: "default", scope: ["openid", "email", "offline_access"] })
 * ```
 * @see https://developer.okta.com/docs/concepts/auth-servers
 */
export function okta<const Id extends string = "okta">(options: OktaOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { domain, authorizationServerId, prompt, loginHint, idp, ...common } = options;
  const base = instanceBase(domain, "domain");
  const issuer = authorizationServerId ? `${base}/oauth2/${encodeURIComponent(authorizationServerId)}` : base;
  const scope = common.scope ?? ["openid", "profile", "email"];
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "okta",
    name: "Okta",
    issuer,
    discovery: true,
    scope,
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    authorizationParams: { prompt, login_hint: loginHint, idp },
    facts: {
      docs: "https://developer.okta.com/docs/concepts/auth-servers",
      refresh: { refreshTokens: "with offline_access (and the Refresh Token grant enabled for the app)", rotates: "unknown", expiresIn: "yes", notes: "Rotation is an app setting (rotate or persistent); access tokens live 1 hour by default." },
    },
  });
}
