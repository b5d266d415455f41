import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link onelogin}. */
export interface OneLoginOptions<Id extends string = "onelogin"> extends PresetOptions<Id> {
  /** Your OneLogin subdomain (`acme` for acme.onelogin.com). Required. */
  subdomain: string;
  /** Default `["openid", "profile", "email"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * OneLogin, an OpenID provider per account: metadata from discovery of
 * `https://{subdomain}.onelogin.com/oidc/2` (the v2 endpoints). The app's "Token Endpoint"
 * setting decides how the secret is sent (Basic here, OneLogin's default).
 *
 * @example
 * ```ts
 * onelogin({ subdomain: "acme" })
 * ```
 * @see https://developers.onelogin.com/openid-connect
 */
export function onelogin<const Id extends string = "onelogin">(options: OneLoginOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { subdomain, ...common } = options;
  if (!subdomain || !/^[a-z0-9-]+$/i.test(subdomain)) throw new TypeError(`onelogin(): \`subdomain\` is required, e.g. "acme" for acme.onelogin.com; got ${JSON.stringify(subdomain)}`);
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "onelogin",
    name: "OneLogin",
    issuer: `https://${subdomain}.onelogin.com/oidc/2`,
    discovery: true,
    scope: ["openid", "profile", "email"],
    refresh: true,
    facts: {
      docs: "https://developers.onelogin.com/openid-connect",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
