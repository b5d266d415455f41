import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link eventbrite}. */
export interface EventbriteOptions<Id extends string = "eventbrite"> extends PresetOptions<Id> {
  /** Eventbrite has no scopes. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Eventbrite. The client id is the app's API key; tokens are long-lived and there is no
 * refresh. The user is `session.fetch("users/me/")` (the trailing slash matters); its
 * `emails` list marks the primary one.
 *
 * @example
 * ```ts
 * eventbrite() // EVENTBRITE_OAUTH_CLIENT_ID (the API key) / _SECRET
 * ```
 * @see https://www.eventbrite.com/platform/api#/introduction/authentication
 */
export function eventbrite<const Id extends string = "eventbrite">(options: EventbriteOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "eventbrite",
    name: "Eventbrite",
    authorizationUrl: "https://www.eventbrite.com/oauth/authorize",
    tokenUrl: "https://www.eventbrite.com/oauth/token",
    apiBaseUrl: "https://www.eventbriteapi.com/v3/",
    // Eventbrite takes client_id and client_secret as fields of the token request.
    clientAuth: "client_secret_post",
    refresh: false,
    facts: {
      docs: "https://www.eventbrite.com/platform/api#/introduction/authentication",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens are long-lived." },
    },
  });
}
