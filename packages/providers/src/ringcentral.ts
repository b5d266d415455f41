import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link ringcentral}. */
export interface RingCentralOptions<Id extends string = "ringcentral"> extends PresetOptions<Id> {
  /** RingCentral grants permissions per app in its console; no scope is sent by default. */
  scope?: readonly string[] | string | undefined;
}

/**
 * RingCentral. Permissions are set on the app, not requested. Refresh tokens are single-use and
 * last 7 days (turn "Issue refresh tokens" on for the app). The user: `session.fetch("account/~/extension/~")`.
 *
 * @example
 * ```ts
 * ringcentral()
 * ```
 * @see https://developers.ringcentral.com/guide/authentication/auth-code-flow
 */
export function ringcentral<const Id extends string = "ringcentral">(options: RingCentralOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "ringcentral",
    name: "RingCentral",
    authorizationUrl: "https://platform.ringcentral.com/restapi/oauth/authorize",
    tokenUrl: "https://platform.ringcentral.com/restapi/oauth/token",
    revocationUrl: "https://platform.ringcentral.com/restapi/oauth/revoke",
    apiBaseUrl: "https://platform.ringcentral.com/restapi/v1.0/",
    refresh: true,
    facts: {
      docs: "https://developers.ringcentral.com/guide/authentication/auth-code-flow",
      refresh: { refreshTokens: "yes (when the app issues them)", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens 7 days and are single-use." },
    },
  });
}
