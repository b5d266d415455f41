import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link zitadel}. */
export interface ZitadelOptions<Id extends string = "zitadel"> extends PresetOptions<Id> {
  /** The instance domain, e.g. `my-instance-abc123.zitadel.cloud`, or a custom or self-hosted one. Required. */
  domain: string;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens, `urn:zitadel:iam:org:id:{id}` to restrict the login to an organization. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `login`, `consent`, `select_account`, `create` or `none`. */
  prompt?: "login" | "consent" | "select_account" | "create" | "none" | undefined;
  /** `login_hint`: a login name to pre-fill. */
  loginHint?: string | undefined;
}

/**
 * ZITADEL, an OpenID provider per instance: metadata from discovery of `https://{domain}`.
 * The application's authentication method decides how the secret is sent (HTTP Basic here).
 *
 * @example
 * ```ts
 * zitadel({ domain: "my-instance-abc123.zitadel.cloud", scope: ["openid", "profile", "email", "offline_access"] })
 * ```
 * @see https://zitadel.com/docs/apis/openidoauth/endpoints
 */
export function zitadel<const Id extends string = "zitadel">(options: ZitadelOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { domain, prompt, loginHint, ...common } = options;
  if (!domain) throw new TypeError("zitadel(): `domain` is required, e.g. my-instance-abc123.zitadel.cloud");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "zitadel",
    name: "ZITADEL",
    issuer: instanceBase(domain, "domain"),
    discovery: true,
    scope: ["openid", "profile", "email"],
    refresh: true,
    authorizationParams: { prompt, login_hint: loginHint },
    facts: {
      docs: "https://zitadel.com/docs/apis/openidoauth/endpoints",
      refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
