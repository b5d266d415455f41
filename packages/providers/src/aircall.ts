import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link aircall}. */
export interface AircallOptions<Id extends string = "aircall"> extends PresetOptions<Id> {
  /** Aircall's one scope. Default `["public_api"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Aircall, for Technology Partners' integrations: the install starts in the Aircall Dashboard,
 * which sends the admin to your install URL — make that this provider's login route. The token
 * is permanent and acts for the company, not a user (`session.fetch("integrations/me")`).
 *
 * @example
 * ```ts
 * aircall() // install URL: https://app.example/login/aircall
 * ```
 * @see https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works
 */
export function aircall<const Id extends string = "aircall">(options: AircallOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "aircall",
    name: "Aircall",
    authorizationUrl: "https://dashboard.aircall.io/oauth/authorize",
    tokenUrl: "https://api.aircall.io/v1/oauth/token",
    apiBaseUrl: "https://api.aircall.io/v1/",
    scope: ["public_api"],
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "The access token is permanent." },
    },
  });
}
