import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link orcid} (Flask-Dance's `make_orcid_blueprint`). */
export interface OrcidOptions<Id extends string = "orcid"> extends PresetOptions<Id> {
  /** `openid` (an id_token with the iD and name), `/authenticate`, `/read-limited` … Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** Use the sandbox (sandbox.orcid.org) instead of orcid.org (Flask-Dance's `sandbox`). */
  sandbox?: boolean | undefined;
}

/**
 * ORCID. An OpenID provider with pinned metadata: with the `openid` scope the id_token is
 * verified; the token answer also carries the user's iD (`orcid`) and `name`. API calls go to
 * the member API (`api.orcid.org/v3.0/`, Flask-Dance's host) or, for public-API clients, to
 * `pub.orcid.org`, which the token may be sent to as well.
 *
 * @example
 * ```ts
 * orcid({ scope: ["openid"], sandbox: true }) // session.fetch(`https://pub.sandbox.orcid.org/v3.0/${token.orcid}/record`)
 * ```
 * @see https://info.orcid.org/documentation/api-tutorials/api-tutorial-get-and-authenticated-orcid-id/
 */
export function orcid<const Id extends string = "orcid">(options: OrcidOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { sandbox, ...common } = options;
  const host = sandbox ? "sandbox.orcid.org" : "orcid.org";
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "orcid",
    name: "ORCID",
    issuer: `https://${host}`,
    authorizationUrl: `https://${host}/oauth/authorize`,
    tokenUrl: `https://${host}/oauth/token`,
    jwksUrl: `https://${host}/oauth/jwks`,
    userinfoUrl: `https://${host}/oauth/userinfo`,
    apiBaseUrl: `https://api.${host}/v3.0/`,
    apiOrigins: [`https://pub.${host}`],
    apiHeaders: { accept: "application/json" },
    refresh: true,
    facts: {
      docs: "https://info.orcid.org/documentation/api-tutorials/api-tutorial-get-and-authenticated-orcid-id/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens are long-lived (about 20 years)." },
    },
  });
}
