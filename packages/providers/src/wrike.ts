import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link wrike}. */
export interface WrikeOptions<Id extends string = "wrike"> extends PresetOptions<Id> {
  /** Wrike scopes: `Default`, `wsReadOnly`, `wsReadWrite`, `amReadOnlyUser`, … Default `["wsReadOnly"]`. */
  scope?: readonly string[] | string | undefined;
  /** The account's API host, from the token's `host` field (e.g. an EU data-centre host). Default `www.wrike.com`. */
  host?: string | undefined;
}

/**
 * Wrike (API v4). The token answer names the account's API `host`; accounts outside the US
 * data centre need the preset made again with that `host`. Scopes go out comma-separated
 * (`scopeSeparator: ","`). The user: `session.fetch("contacts?me=true")`.
 *
 * @example
 * ```ts
 * wrike({ scope: ["wsReadOnly", "amReadOnlyUser"] })
 * ```
 * @see https://developers.wrike.com/oauth-20-authorization
 */
export function wrike<const Id extends string = "wrike">(options: WrikeOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { host = "www.wrike.com", ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "wrike",
    name: "Wrike",
    authorizationUrl: "https://login.wrike.com/oauth2/authorize/v4",
    tokenUrl: "https://login.wrike.com/oauth2/token",
    apiBaseUrl: `https://${new URL(`https://${host}`).host}/api/v4/`,
    scope: ["wsReadOnly"],
    // Wrike takes a comma-separated scope list.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developers.wrike.com/oauth-20-authorization",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh answers the account's `host` again." },
    },
  });
}
