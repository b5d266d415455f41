import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link atlassian} (Flask-Dance's `make_atlassian_blueprint`). */
export interface AtlassianOptions<Id extends string = "atlassian"> extends PresetOptions<Id> {
  /** Atlassian scopes, e.g. `["read:me", "read:jira-work", "offline_access"]`. Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `prompt=consent`: show the consent screen again (Flask-Dance's `reprompt_consent`). */
  repromptConsent?: boolean | undefined;
}

/**
 * Atlassian Cloud (Jira, Confluence) with OAuth 2.0 (3LO). Every authorization request names
 * the API audience; product APIs are called through `api.atlassian.com/ex/{product}/{cloudid}/…`
 * (list the sites with `session.fetch("oauth/token/accessible-resources")`). Add `offline_access`
 * to the scope for refresh tokens.
 *
 * @example
 * ```ts
 * atlassian({ scope: ["read:me", "read:jira-work", "offline_access"] }) // session.fetch("me")
 * ```
 * @see https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
 */
export function atlassian<const Id extends string = "atlassian">(options: AtlassianOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { repromptConsent, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "atlassian",
    name: "Atlassian",
    authorizationUrl: "https://auth.atlassian.com/authorize",
    tokenUrl: "https://auth.atlassian.com/oauth/token",
    apiBaseUrl: "https://api.atlassian.com/",
    // Refresh tokens come with offline_access and rotate on every use.
    refresh: true,
    // Atlassian refuses an authorization request without the API audience.
    authorizationParams: { audience: "api.atlassian.com", prompt: repromptConsent ? "consent" : undefined },
    facts: {
      docs: "https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour." },
    },
  });
}
