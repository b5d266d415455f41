import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link casdoor}. */
export interface CasdoorOptions<Id extends string = "casdoor"> extends PresetOptions<Id> {
  /** The Casdoor server, e.g. `https://door.casdoor.com`: its configured origin, which is the issuer. Required. */
  endpoint: string;
  /** Default `["openid", "profile", "email"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Casdoor, an OpenID provider per server: metadata from discovery of `{endpoint}` (the
 * server's `origin` setting must be its public URL). Its authorize page is a front-end route
 * (`/login/oauth/authorize`), its token endpoint an API one (`/api/login/oauth/access_token`).
 *
 * @example
 * ```ts
 * casdoor({ endpoint: "https://door.casdoor.com" })
 * ```
 * @see https://casdoor.org/docs/how-to-connect/oidc-client
 */
export function casdoor<const Id extends string = "casdoor">(options: CasdoorOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { endpoint, ...common } = options;
  if (!endpoint) throw new TypeError("casdoor(): `endpoint` is required, e.g. https://door.casdoor.com");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "casdoor",
    name: "Casdoor",
    issuer: instanceBase(endpoint, "endpoint"),
    discovery: true,
    scope: ["openid", "profile", "email"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://casdoor.org/docs/how-to-connect/oidc-client",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
