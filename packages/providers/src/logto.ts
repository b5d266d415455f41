import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link logto}. */
export interface LogtoOptions<Id extends string = "logto"> extends PresetOptions<Id> {
  /** The Logto endpoint, e.g. `https://abc123.logto.app` (Logto Cloud), or a self-hosted or custom domain. Required. */
  endpoint: string;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
  /** `resource`: an API resource indicator, for a JWT access token to call it (without, the token only reads `/oidc/me`). */
  resource?: string | undefined;
  /** `prompt`: `consent`, `login` or `none`. Default `consent` when `offline_access` is asked for. */
  prompt?: "consent" | "login" | "none" | undefined;
}

/**
 * Logto, an OpenID provider per tenant: metadata from discovery of `{endpoint}/oidc`. Its
 * id_tokens are signed with ES384 by default. Logto only issues a refresh token for
 * `offline_access` together with `prompt=consent`, which is then sent unless a prompt is set.
 *
 * @example
 * ```ts
 * logto({ endpoint: "https://abc123.logto.app", scope: ["openid", "profile", "email", "offline_access"] })
 * ```
 * @see https://docs.logto.io/integrate-logto/integrate-logto-into-your-application
 */
export function logto<const Id extends string = "logto">(options: LogtoOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { endpoint, resource, prompt, ...common } = options;
  if (!endpoint) throw new TypeError("logto(): `endpoint` is required, e.g. https://abc123.logto.app");
  const scope = common.scope ?? ["openid", "profile", "email"];
  const offline = (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "logto",
    name: "Logto",
    issuer: `${instanceBase(endpoint, "endpoint")}/oidc`,
    discovery: true,
    scope,
    refresh: true,
    authorizationParams: { resource, prompt: prompt ?? (offline ? "consent" : undefined) },
    facts: {
      docs: "https://docs.logto.io/integrate-logto/integrate-logto-into-your-application",
      refresh: { refreshTokens: "with offline_access and prompt=consent", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
