import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link authentiq} (Flask-Dance's `make_authentiq_blueprint`). */
export interface AuthentiqOptions<Id extends string = "authentiq"> extends PresetOptions<Id> {
  /** The Authentiq Connect server. Default `connect.authentiq.io` (Flask-Dance's `hostname`). */
  hostname?: string | undefined;
  /** Default `["openid", "profile"]` (Flask-Dance); Authentiq also has `email`, `phone`, `aq:name`, `aq:location`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Authentiq Connect, an OpenID provider: its endpoints come from discovery of
 * `https://{hostname}/` (the issuer ends with a slash), and the id_token that Flask-Dance's
 * default `openid` scope brings is verified.
 *
 * @example
 * ```ts
 * authentiq({ scope: ["openid", "email"] }) // session.fetch("userinfo")
 * ```
 * @see https://developers.authentiq.com/
 */
export function authentiq<const Id extends string = "authentiq">(options: AuthentiqOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { hostname = "connect.authentiq.io", ...common } = options;
  const base = instanceBase(hostname, "hostname");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "authentiq",
    name: "Authentiq",
    issuer: `${base}/`,
    discovery: true,
    apiBaseUrl: `${base}/`,
    scope: ["openid", "profile"],
    refresh: true,
    facts: {
      docs: "https://developers.authentiq.com/",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "unknown", notes: "Authentiq does not document its token lifetimes." },
    },
  });
}
