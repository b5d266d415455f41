import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link nextcloud}. */
export interface NextcloudOptions<Id extends string = "nextcloud"> extends PresetOptions<Id> {
  /** The Nextcloud instance: `cloud.example.com`, or a base URL for one under a path. Required. */
  host: string;
}

/**
 * Nextcloud, per instance (its OAuth 2 app; register the client under Administration → Security).
 * Tokens live an hour and refresh tokens are single-use. API calls carry `OCS-APIRequest: true`;
 * the token names the `user_id`. The user: `session.fetch("ocs/v2.php/cloud/user?format=json")`.
 *
 * @example
 * ```ts
 * nextcloud({ host: "cloud.example.com" })
 * ```
 * @see https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/oauth2.html
 */
export function nextcloud<const Id extends string = "nextcloud">(options: NextcloudOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { host, ...common } = options;
  const base = instanceBase(host, "host");
  return preset(common, {
    protocol: "oauth2",
    id: "nextcloud",
    name: "Nextcloud",
    // The /index.php/ paths work with and without Nextcloud's pretty URLs.
    authorizationUrl: `${base}/index.php/apps/oauth2/authorize`,
    tokenUrl: `${base}/index.php/apps/oauth2/api/v1/token`,
    apiBaseUrl: `${base}/`,
    // The OCS API refuses requests without it.
    apiHeaders: { "ocs-apirequest": "true" },
    refresh: true,
    facts: {
      docs: "https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/oauth2.html",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; each refresh returns a new refresh token." },
    },
  });
}
