import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";
import { entraEndpoints, entraHooks } from "./microsoft-entra-id.js";

/** Options of {@link azure} (Flask-Dance's `make_azure_blueprint`). */
export interface AzureOptions<Id extends string = "azure"> extends PresetOptions<Id> {
  /** The tenant path segment. Default `common`. */
  tenant?: string | undefined;
  /** Default `["openid", "email", "profile", "User.Read"]`; with `offline_access`, tokens are refreshed. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`, sent only when set. */
  prompt?: string | undefined;
  /** `domain_hint`, sent only when set. */
  domainHint?: string | undefined;
  /** `login_hint`, sent only when set. */
  loginHint?: string | undefined;
}

/**
 * Flask-Dance's `azure` preset: Microsoft's identity platform v2.0 with its defaults — the same
 * provider as {@link microsoftEntraId}, under the id and env names (`AZURE_OAUTH_CLIENT_ID`)
 * Flask-Dance apps already use. Flask-Dance's API base `https://graph.microsoft.com` has no
 * version; this one is `…/v1.0/`, so `session.fetch("me")` works.
 *
 * @example
 * ```ts
 * azure({ tenant: "contoso.onmicrosoft.com", scope: ["openid", "email", "profile", "offline_access", "User.Read"] })
 * ```
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export function azure<const Id extends string = "azure">(options: AzureOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { tenant = "common", prompt, domainHint, loginHint, ...common } = options;
  const scope = common.scope ?? ["openid", "email", "profile", "User.Read"];
  const list = typeof scope === "string" ? scope.split(" ") : scope;
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "azure",
    name: "Microsoft (Azure)",
    ...entraEndpoints(tenant),
    apiBaseUrl: "https://graph.microsoft.com/v1.0/",
    scope,
    idTokenAlgorithms: ["RS256"],
    // Flask-Dance 7.1: auto-refresh only when offline_access is asked for.
    refresh: list.includes("offline_access"),
    authorizationParams: { prompt, domain_hint: domainHint, login_hint: loginHint },
    hooks: entraHooks,
    facts: {
      docs: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60–90 minutes; refresh tokens 90 days." },
    },
  });
}
