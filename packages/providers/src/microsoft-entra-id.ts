import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link microsoftEntraId}. */
export interface MicrosoftEntraIdOptions<Id extends string = "microsoft-entra-id"> extends PresetOptions<Id> {
  /** `common` (work, school and personal accounts), `organizations`, `consumers`, a tenant id or a verified domain. Default `common`. */
  tenant?: string | undefined;
  /** Default `["openid", "profile", "email", "User.Read"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `login`, `none`, `consent` or `select_account`. */
  prompt?: "login" | "none" | "consent" | "select_account" | undefined;
  /** `domain_hint`: skip the account picker for a domain's users. */
  domainHint?: string | undefined;
  /** `login_hint`: an account to pre-fill. */
  loginHint?: string | undefined;
}

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The multi-tenant endpoints name the user's tenant in `iss`: check it against the token's own `tid`. */
export const entraHooks: ProviderHooks = {
  idTokenIssuer(claims, configured) {
    if (!configured.includes("{tenantid}")) return configured;
    const tid = claims.tid;
    if (typeof tid !== "string" || !TENANT_ID.test(tid)) return configured; // no tenant: the check fails on the template
    return configured.replace("{tenantid}", tid);
  },
};

/** The endpoints of a tenant, shared with Flask-Dance's `azure` preset. */
export function entraEndpoints(tenant: string) {
  const base = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`;
  const multi = ["common", "organizations", "consumers"].includes(tenant);
  return {
    // Multi-tenant endpoints issue tokens for each user's own tenant: the issuer is a template checked per token.
    issuer: multi ? "https://login.microsoftonline.com/{tenantid}/v2.0" : `${base}/v2.0`,
    authorizationUrl: `${base}/oauth2/v2.0/authorize`,
    tokenUrl: `${base}/oauth2/v2.0/token`,
    jwksUrl: `${base}/discovery/v2.0/keys`,
    userinfoUrl: "https://graph.microsoft.com/oidc/userinfo",
  };
}

/**
 * Microsoft Entra ID (Azure AD), the Microsoft identity platform v2.0: work, school and
 * personal accounts. OpenID Connect with pinned endpoints per tenant; on the multi-tenant
 * endpoints the id_token's issuer is checked against its own `tid`.
 *
 * @example
 * ```ts
 * microsoftEntraId({ tenant: "organizations", scope: ["openid", "profile", "email", "offline_access", "User.Read"] })
 * ```
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export function microsoftEntraId<const Id extends string = "microsoft-entra-id">(options: MicrosoftEntraIdOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { tenant = "common", prompt, domainHint, loginHint, ...common } = options;
  const scope = common.scope ?? ["openid", "profile", "email", "User.Read"];
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "microsoft-entra-id",
    name: "Microsoft Entra ID",
    ...entraEndpoints(tenant),
    apiBaseUrl: "https://graph.microsoft.com/v1.0/",
    scope,
    idTokenAlgorithms: ["RS256"],
    // Microsoft documents the secret as a form field (HTTP Basic works too; Flask-Dance's azure preset uses it).
    clientAuth: "client_secret_post",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    authorizationParams: { prompt, domain_hint: domainHint, login_hint: loginHint },
    hooks: entraHooks,
    facts: {
      docs: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60–90 minutes; refresh tokens 90 days." },
    },
  });
}
