import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link linode}. */
export interface LinodeOptions<Id extends string = "linode"> extends PresetOptions<Id> {
  /** Linode scopes (`<area>:read_only` / `:read_write`), e.g. `["linodes:read_only"]`. Default `["account:read_only"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Linode (Akamai Cloud, API v4). Access tokens live two hours; each refresh returns a new
 * refresh token. The user: `session.fetch("profile")`.
 *
 * @example
 * ```ts
 * linode({ scope: ["account:read_only", "linodes:read_only"] })
 * ```
 * @see https://www.linode.com/docs/api/
 */
export function linode<const Id extends string = "linode">(options: LinodeOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "linode",
    name: "Linode",
    authorizationUrl: "https://login.linode.com/oauth/authorize",
    tokenUrl: "https://login.linode.com/oauth/token",
    apiBaseUrl: "https://api.linode.com/v4/",
    scope: ["account:read_only"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://www.linode.com/docs/api/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours; a refresh returns a new access and refresh token." },
    },
  });
}
