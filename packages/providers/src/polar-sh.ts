import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link polarSh}. */
export interface PolarShOptions<Id extends string = "polar-sh"> extends PresetOptions<Id> {
  /** Default `["openid", "profile", "email"]`; add API scopes (`products:read`, `orders:read` …) as needed. */
  scope?: readonly string[] | string | undefined;
  /**
   * `sub_type`: whose token it is. Default `user` (the user who signs in); `organization` has the
   * user pick one of their organizations and ties the token to it (Polar's own default).
   */
  subType?: "user" | "organization" | undefined;
}

/**
 * Polar.sh (the payments platform; `polar` is Polar AccessLink). OpenID Connect with pinned
 * endpoints: the issuer is `https://polar.sh`, the token and API on api.polar.sh. Polar hands out
 * organization tokens unless asked for a user's, so this preset asks for `sub_type=user`. The
 * credentials go in the form body (Polar's documented default). The user:
 * `session.fetch("oauth2/userinfo")`.
 *
 * @example
 * ```ts
 * polarSh({ scope: ["openid", "email", "orders:read"], subType: "organization" }) // POLAR_SH_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://docs.polar.sh/integrate/oauth2/connect
 */
export function polarSh<const Id extends string = "polar-sh">(options: PolarShOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { subType = "user", ...common } = options;
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "polar-sh",
    name: "Polar.sh",
    // The metadata is served from api.polar.sh, but names this issuer.
    issuer: "https://polar.sh",
    authorizationUrl: "https://polar.sh/oauth2/authorize",
    tokenUrl: "https://api.polar.sh/v1/oauth2/token",
    jwksUrl: "https://api.polar.sh/.well-known/jwks.json",
    userinfoUrl: "https://api.polar.sh/v1/oauth2/userinfo",
    revocationUrl: "https://api.polar.sh/v1/oauth2/revoke",
    apiBaseUrl: "https://api.polar.sh/v1/",
    scope: ["openid", "profile", "email"],
    idTokenAlgorithms: ["RS256"],
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { sub_type: subType },
    facts: {
      docs: "https://docs.polar.sh/integrate/oauth2/connect",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Refresh tokens are long-lived (valid until revoked)." },
    },
  });
}
