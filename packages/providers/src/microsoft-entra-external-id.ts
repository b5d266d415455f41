import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link microsoftEntraExternalId}. */
export interface MicrosoftEntraExternalIdOptions<Id extends string = "microsoft-entra-external-id"> extends PresetOptions<Id> {
  /** The external tenant's id (a GUID, "Directory (tenant) ID"). Required. */
  tenantId: string;
  /** The tenant's subdomain (`contoso` for contoso.ciamlogin.com), the host of the sign-in pages. Default: the tenant id. */
  subdomain?: string | undefined;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `login`, `none`, `consent` or `select_account`. */
  prompt?: "login" | "none" | "consent" | "select_account" | undefined;
  /** `login_hint`: an account to pre-fill. */
  loginHint?: string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Microsoft Entra External ID (CIAM: customers signing in to your app, in an external tenant
 * on ciamlogin.com; workforce tenants are `microsoftEntraId()`). OpenID Connect with pinned
 * endpoints per tenant. The id_tokens name the tenant id as host as well as path
 * (`https://{tenantId}.ciamlogin.com/{tenantId}/v2.0`), also when the sign-in pages are on the
 * tenant's subdomain — so the tenant id is required. Custom URL domains are not covered: use `oidc()`.
 *
 * @example
 * ```ts
 * microsoftEntraExternalId({ tenantId: "7d3b9f7e-0000-4000-8000-000000000001", subdomain: "contoso", scope: ["openid", "profile", "email", "offline_access"] })
 * ```
 * @see https://learn.microsoft.com/en-us/entra/external-id/customers/overview-customers-ciam
 */
export function microsoftEntraExternalId<const Id extends string = "microsoft-entra-external-id">(options: MicrosoftEntraExternalIdOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { tenantId, subdomain, prompt, loginHint, ...common } = options;
  if (typeof tenantId !== "string" || !GUID.test(tenantId)) throw new TypeError("microsoftEntraExternalId(): `tenantId` must be the external tenant's id (a GUID)");
  if (subdomain !== undefined && !LABEL.test(subdomain)) throw new TypeError(`microsoftEntraExternalId(): \`subdomain\` must be the tenant's subdomain (contoso for contoso.ciamlogin.com), got ${JSON.stringify(subdomain)}`);
  const tenant = tenantId.toLowerCase();
  const base = `https://${(subdomain ?? tenant).toLowerCase()}.ciamlogin.com/${tenant}`;
  const scope = common.scope ?? ["openid", "profile", "email"];
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "microsoft-entra-external-id",
    name: "Microsoft Entra External ID",
    issuer: `https://${tenant}.ciamlogin.com/${tenant}/v2.0`,
    authorizationUrl: `${base}/oauth2/v2.0/authorize`,
    tokenUrl: `${base}/oauth2/v2.0/token`,
    jwksUrl: `${base}/discovery/v2.0/keys`,
    userinfoUrl: "https://graph.microsoft.com/oidc/userinfo",
    apiBaseUrl: "https://graph.microsoft.com/v1.0/",
    scope,
    idTokenAlgorithms: ["RS256"],
    // As for Entra ID: the secret as a form field.
    clientAuth: "client_secret_post",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    authorizationParams: { prompt, login_hint: loginHint },
    facts: {
      docs: "https://learn.microsoft.com/en-us/entra/external-id/customers/overview-customers-ciam",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes" },
    },
  });
}
