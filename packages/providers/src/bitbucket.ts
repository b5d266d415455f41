import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link bitbucket}. */
export interface BitbucketOptions<Id extends string = "bitbucket"> extends PresetOptions<Id> {
  /** Default `["account"]`; add `email` to read `user/emails`. The OAuth consumer's own scopes cap what is granted. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Bitbucket Cloud (an OAuth consumer of a workspace). The user is `session.fetch("user")`;
 * the e-mail address is not in it but in `user/emails` (scope `email`).
 *
 * @example
 * ```ts
 * bitbucket({ scope: ["account", "email"] })
 * ```
 * @see https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/
 */
export function bitbucket<const Id extends string = "bitbucket">(options: BitbucketOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "bitbucket",
    name: "Bitbucket",
    authorizationUrl: "https://bitbucket.org/site/oauth2/authorize",
    tokenUrl: "https://bitbucket.org/site/oauth2/access_token",
    apiBaseUrl: "https://api.bitbucket.org/2.0/",
    scope: ["account"],
    refresh: true,
    facts: {
      docs: "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
    },
  });
}
