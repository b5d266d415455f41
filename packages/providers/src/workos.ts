import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link workos}. The authorization needs one of `connection`, `organization` or `provider`. */
export interface WorkOSOptions<Id extends string = "workos"> extends PresetOptions<Id> {
  /** `connection`: an SSO connection id (`conn_…`). */
  connection?: string | undefined;
  /** `organization`: an organization id (`org_…`), whose connection is used. */
  organization?: string | undefined;
  /** `provider`: `GoogleOAuth`, `MicrosoftOAuth`, `GitHubOAuth`, `AppleOAuth` … */
  provider?: string | undefined;
  /** `login_hint`: an e-mail address to pre-fill. */
  loginHint?: string | undefined;
  /** `domain_hint`: an e-mail domain that selects the connection. */
  domainHint?: string | undefined;
}

/**
 * WorkOS SSO (enterprise SAML/OIDC connections behind one OAuth 2 API). The client secret is the
 * WorkOS API key, sent as a form field; the token answer carries the user's `profile`
 * (`session.token.profile`, or `session.fetch("sso/profile")`). Tokens do not expire.
 *
 * @example
 * ```ts
 * workos({ organization: "org_01H…" }) // WORKOS_OAUTH_CLIENT_SECRET = the API key (sk_…)
 * ```
 * @see https://workos.com/docs/reference/sso
 */
export function workos<const Id extends string = "workos">(options: WorkOSOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { connection, organization, provider, loginHint, domainHint, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "workos",
    name: "WorkOS",
    authorizationUrl: "https://api.workos.com/sso/authorize",
    tokenUrl: "https://api.workos.com/sso/token",
    apiBaseUrl: "https://api.workos.com/",
    clientAuth: "client_secret_post",
    authorizationParams: { connection, organization, provider, login_hint: loginHint, domain_hint: domainHint },
    facts: {
      docs: "https://workos.com/docs/reference/sso",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "The token answer carries the user's profile." },
    },
  });
}
