import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link helpscout}. */
export interface HelpScoutOptions<Id extends string = "helpscout"> extends PresetOptions<Id> {
  /** Help Scout has no scopes; none is sent. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Help Scout (Mailbox API 2.0), for integrations used by other Help Scout users. The redirect
 * URL is the one set on the app (Your Profile → My Apps). The user: `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * helpscout()
 * ```
 * @see https://developer.helpscout.com/mailbox-api/overview/authentication/
 */
export function helpscout<const Id extends string = "helpscout">(options: HelpScoutOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "helpscout",
    name: "Help Scout",
    authorizationUrl: "https://secure.helpscout.net/authentication/authorizeClientApplication",
    tokenUrl: "https://api.helpscout.net/v2/oauth2/token",
    apiBaseUrl: "https://api.helpscout.net/v2/",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developer.helpscout.com/mailbox-api/overview/authentication/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
