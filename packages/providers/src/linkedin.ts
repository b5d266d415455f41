import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link linkedin} (Flask-Dance's `make_linkedin_blueprint`). */
export interface LinkedInOptions<Id extends string = "linkedin"> extends PresetOptions<Id> {
  /**
   * LinkedIn scopes. Default: none (Flask-Dance). For "Sign In with LinkedIn using OpenID
   * Connect" (the only sign-in new apps get): `["openid", "profile", "email"]`.
   */
  scope?: readonly string[] | string | undefined;
}

/**
 * LinkedIn. Flask-Dance's endpoints are still LinkedIn's; its classic profile scopes
 * (`r_liteprofile`) are gone for new apps, which sign in with OpenID Connect
 * (`scope: ["openid", "profile", "email"]`, user at `session.fetch("userinfo")`). Two LinkedIn
 * quirks are set here, as narrowly as they can be: its web apps answer `invalid_client` to a
 * token request that carries a PKCE `code_verifier`, so this preset sends none (the state
 * still binds the callback to the browser); and its id_tokens carry no `nonce`, so none is
 * asked for. The credentials go in the form body (Flask-Dance's `include_client_id`; LinkedIn
 * refuses HTTP Basic).
 *
 * @example
 * ```ts
 * linkedin({ scope: ["openid", "profile", "email"] }) // LINKEDIN_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
 */
export function linkedin<const Id extends string = "linkedin">(options: LinkedInOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oidc",
    support: openidConnect,
    id: "linkedin",
    name: "LinkedIn",
    issuer: "https://www.linkedin.com/oauth",
    authorizationUrl: "https://www.linkedin.com/oauth/v2/authorization",
    tokenUrl: "https://www.linkedin.com/oauth/v2/accessToken",
    jwksUrl: "https://www.linkedin.com/oauth/openid/jwks",
    userinfoUrl: "https://api.linkedin.com/v2/userinfo",
    apiBaseUrl: "https://api.linkedin.com/v2/",
    clientAuth: "client_secret_post",
    // LinkedIn's web apps refuse a code_verifier, and its id_tokens carry no nonce.
    pkce: false,
    nonce: false,
    idTokenAlgorithms: ["RS256"],
    refresh: true,
    facts: {
      docs: "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow",
      refresh: {
        refreshTokens: "only for approved partners (programmatic refresh tokens)",
        rotates: "no",
        expiresIn: "yes",
        notes: "Access tokens live 60 days; most apps get no refresh token and send the user through the login again.",
      },
    },
  });
}
