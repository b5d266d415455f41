import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link box}. */
export interface BoxOptions<Id extends string = "box"> extends PresetOptions<Id> {
  /** Box's scopes are set on the app; asking for some only narrows them. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Box. Users authorize on account.box.com (not api.box.com, as older configs have it);
 * refresh tokens are single-use. The user is `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * box() // BOX_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.box.com/guides/authentication/oauth2/
 */
export function box<const Id extends string = "box">(options: BoxOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "box",
    name: "Box",
    authorizationUrl: "https://account.box.com/api/oauth2/authorize",
    tokenUrl: "https://api.box.com/oauth2/token",
    revocationUrl: "https://api.box.com/oauth2/revoke",
    apiBaseUrl: "https://api.box.com/2.0/",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developer.box.com/guides/authentication/oauth2/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60 minutes; refresh tokens are single-use and live 60 days." },
    },
  });
}
