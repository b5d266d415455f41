import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link calendly}. */
export interface CalendlyOptions<Id extends string = "calendly"> extends PresetOptions<Id> {
  /** The scopes of your app, when it has some (newer apps do). Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Calendly. PKCE is recommended for every app (Dance always sends it). Access tokens live
 * 2 hours; refresh tokens work once and do not expire otherwise. `session.fetch("users/me")`
 * gives the user's URI and organization, which later calls need. Sandbox and production are
 * separate app registrations on the same endpoints.
 *
 * @example
 * ```ts
 * calendly() // CALENDLY_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users
 */
export function calendly<const Id extends string = "calendly">(options: CalendlyOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "calendly",
    name: "Calendly",
    authorizationUrl: "https://auth.calendly.com/oauth/authorize",
    tokenUrl: "https://auth.calendly.com/oauth/token",
    revocationUrl: "https://auth.calendly.com/oauth/revoke",
    apiBaseUrl: "https://api.calendly.com/",
    // Calendly's guide sends client_id and client_secret as form fields.
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours; a refresh token works once and does not expire until used." },
    },
  });
}
