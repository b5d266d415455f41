import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link xero}. */
export interface XeroOptions<Id extends string = "xero"> extends PresetOptions<Id> {
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens and `accounting.*` scopes for data. */
  scope?: readonly string[] | string | undefined;
  /** A tenant (organisation) id sent as `xero-tenant-id` with every API call; otherwise pass the header per call. */
  tenantId?: string | undefined;
}

/**
 * Xero, an OpenID provider with pinned metadata. After login, `session.fetch("connections")`
 * lists the organisations the user connected; Accounting API calls (`api.xro/2.0/…`) need one
 * of them as `xero-tenant-id`. API calls ask for JSON (the Accounting API answers XML
 * otherwise). Access tokens live 30 minutes; with `offline_access`, rotating refresh tokens
 * renew them.
 *
 * @example
 * ```ts
 * xero({ scope: ["openid", "profile", "email", "offline_access", "accounting.transactions"] }) // XERO_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.xero.com/documentation/guides/oauth2/auth-flow
 */
export function xero<const Id extends string = "xero">(options: XeroOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { tenantId, ...common } = options;
  const scope = common.scope ?? ["openid", "profile", "email"];
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "xero",
    name: "Xero",
    issuer: "https://identity.xero.com",
    authorizationUrl: "https://login.xero.com/identity/connect/authorize",
    tokenUrl: "https://identity.xero.com/connect/token",
    jwksUrl: "https://identity.xero.com/.well-known/openid-configuration/jwks",
    userinfoUrl: "https://identity.xero.com/connect/userinfo",
    revocationUrl: "https://identity.xero.com/connect/revocation",
    apiBaseUrl: "https://api.xero.com/",
    scope,
    idTokenAlgorithms: ["RS256"],
    // Xero's token requests use HTTP Basic.
    clientAuth: "client_secret_basic",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    apiHeaders: { accept: "application/json", ...(tenantId ? { "xero-tenant-id": tenantId } : {}) },
    facts: {
      docs: "https://developer.xero.com/documentation/guides/oauth2/auth-flow",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 30 minutes; refresh tokens about 60 days." },
    },
  });
}
