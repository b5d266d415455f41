import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link clickup}. */
export interface ClickUpOptions<Id extends string = "clickup"> extends PresetOptions<Id> {
  /** ClickUp has no scopes: the user picks the Workspaces to authorize. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * ClickUp. The authorization page is `app.clickup.com/api`; tokens do not expire and are not
 * refreshed. The user is `session.fetch("user")`.
 *
 * @example
 * ```ts
 * clickup() // CLICKUP_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.clickup.com/docs/authentication
 */
export function clickup<const Id extends string = "clickup">(options: ClickUpOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "clickup",
    name: "ClickUp",
    authorizationUrl: "https://app.clickup.com/api",
    tokenUrl: "https://api.clickup.com/api/v2/oauth/token",
    apiBaseUrl: "https://api.clickup.com/api/v2/",
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://developer.clickup.com/docs/authentication",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens last until the user removes the app." },
    },
  });
}
