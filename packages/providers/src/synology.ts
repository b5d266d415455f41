import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link synology}. */
export interface SynologyOptions<Id extends string = "synology"> extends PresetOptions<Id> {
  /** The SSO Server base URL configured on the NAS (https, may carry a port): `sso.nas.example.com` or `https://nas.local:5001`. Required. */
  host: string;
  /** SSO Server scopes (the instance's discovery document lists them). Default `["email"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Synology SSO Server on your NAS (the SSO Server package, with an OAuth app registered there).
 * OAuth 2 with pinned endpoints; for its OpenID Connect id_tokens use `oidc()` with the
 * instance's issuer. The user: `session.fetch("SSOUserInfo.cgi")`.
 *
 * @example
 * ```ts
 * synology({ host: "https://nas.example.com:5001" })
 * ```
 * @see https://www.synology.com/en-us/dsm/packages/SSOServer
 */
export function synology<const Id extends string = "synology">(options: SynologyOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { host, ...common } = options;
  const base = `${instanceBase(host, "host")}/webman/sso`;
  return preset(common, {
    protocol: "oauth2",
    id: "synology",
    name: "Synology",
    authorizationUrl: `${base}/SSOOauth.cgi`,
    tokenUrl: `${base}/SSOAccessToken.cgi`,
    apiBaseUrl: `${base}/`,
    scope: ["email"],
    facts: {
      docs: "https://www.synology.com/en-us/dsm/packages/SSOServer",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
