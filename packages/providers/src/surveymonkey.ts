import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link surveymonkey}. */
export interface SurveyMonkeyOptions<Id extends string = "surveymonkey"> extends PresetOptions<Id> {
  /** SurveyMonkey sets scopes on the app; none is sent by default. */
  scope?: readonly string[] | string | undefined;
}

/**
 * SurveyMonkey (API v3). Scopes are chosen on the app; tokens are long-lived, without refresh
 * tokens. Accounts in other data centres answer with their API host in the token's
 * `access_url`. The user: `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * surveymonkey()
 * ```
 * @see https://developer.surveymonkey.com/api/v3/
 */
export function surveymonkey<const Id extends string = "surveymonkey">(options: SurveyMonkeyOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "surveymonkey",
    name: "SurveyMonkey",
    authorizationUrl: "https://api.surveymonkey.com/oauth/authorize",
    // Grant still has the token endpoint on the old api.surveymonkey.net domain.
    tokenUrl: "https://api.surveymonkey.com/oauth/token",
    apiBaseUrl: "https://api.surveymonkey.com/v3/",
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://developer.surveymonkey.com/api/v3/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "unknown", notes: "Tokens are long-lived." },
    },
  });
}
