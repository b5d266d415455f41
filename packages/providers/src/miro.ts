import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link miro}. */
export interface MiroOptions<Id extends string = "miro"> extends PresetOptions<Id> {
  /** Miro's scopes are set on the app; asking for some is optional. Default: none. */
  scope?: readonly string[] | string | undefined;
  /** `team_id`: the team to install the app into, pre-selected. */
  teamId?: string | undefined;
}

/**
 * Miro. Authorizing installs the app into one of the user's teams; the token belongs to that
 * user and team. `session.fetch("v1/oauth-token")` names both.
 *
 * @example
 * ```ts
 * miro({ teamId: "3074457350000000000" })
 * ```
 * @see https://developers.miro.com/docs/getting-started-with-oauth
 */
export function miro<const Id extends string = "miro">(options: MiroOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { teamId, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "miro",
    name: "Miro",
    authorizationUrl: "https://miro.com/oauth/authorize",
    tokenUrl: "https://api.miro.com/v1/oauth/token",
    apiBaseUrl: "https://api.miro.com/",
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { team_id: teamId },
    facts: {
      docs: "https://developers.miro.com/docs/getting-started-with-oauth",
      refresh: {
        refreshTokens: "apps created with expiring tokens",
        rotates: "yes",
        expiresIn: "apps created with expiring tokens",
        notes: "Expiring tokens live 1 hour, refresh tokens 60 days. Other apps' tokens never expire; an app cannot switch afterwards.",
      },
    },
  });
}
