import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link kinde}. */
export interface KindeOptions<Id extends string = "kinde"> extends PresetOptions<Id> {
  /** Your Kinde business domain, e.g. `myapp.kinde.com`, or a custom domain. Required. */
  domain: string;
  /** Default `["openid", "profile", "email"]`; add `offline` (Kinde's name for it) for refresh tokens. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `login`, `create` (the sign-up page) or `none`. */
  prompt?: "login" | "create" | "none" | undefined;
  /** `login_hint`: an e-mail address to pre-fill. */
  loginHint?: string | undefined;
  /** `audience`: the API to get an access token for. */
  audience?: string | undefined;
  /** `org_code`: log in to an organization. */
  orgCode?: string | undefined;
}

/**
 * Kinde, an OpenID provider per business: metadata from discovery of `https://{domain}`.
 * Refresh tokens come with Kinde's `offline` scope (not `offline_access`).
 *
 * @example
 * ```ts
 * kinde({ domain: "myapp.kinde.com", scope: ["openid", "profile", "email", "offline"] })
 * ```
 * @see https://docs.kinde.com/
 */
export function kinde<const Id extends string = "kinde">(options: KindeOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { domain, prompt, loginHint, audience, orgCode, ...common } = options;
  if (!domain) throw new TypeError("kinde(): `domain` is required, e.g. myapp.kinde.com");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "kinde",
    name: "Kinde",
    issuer: instanceBase(domain, "domain"),
    discovery: true,
    scope: ["openid", "profile", "email"],
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { prompt, login_hint: loginHint, audience, org_code: orgCode },
    facts: {
      docs: "https://docs.kinde.com/",
      refresh: { refreshTokens: "with the offline scope", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
