import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link webex}. */
export interface WebexOptions<Id extends string = "webex"> extends PresetOptions<Id> {
  /** Default `["spark:people_read"]`; every scope must be selected on the integration (`spark:kms` for encrypted content). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Webex (an integration). The user is `session.fetch("people/me")`; the e-mail address is
 * `emails[0]`.
 *
 * @example
 * ```ts
 * webex({ scope: ["spark:people_read", "spark:kms"] })
 * ```
 * @see https://developer.webex.com/docs/integrations
 */
export function webex<const Id extends string = "webex">(options: WebexOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "webex",
    name: "Webex",
    authorizationUrl: "https://webexapis.com/v1/authorize",
    tokenUrl: "https://webexapis.com/v1/access_token",
    apiBaseUrl: "https://webexapis.com/v1/",
    scope: ["spark:people_read"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developer.webex.com/docs/integrations",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "The answer also carries refresh_token_expires_in." },
    },
  });
}
