import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link owncloud}. */
export interface OwnCloudOptions<Id extends string = "owncloud"> extends PresetOptions<Id> {
  /** The ownCloud server: `cloud.example.com`, or a base URL for one under a path. Required. */
  host: string;
}

/**
 * ownCloud Server, per instance, with its OAuth 2 app (register the client under
 * Settings → Admin → Additional; ownCloud Infinite Scale signs in with OpenID Connect: `oidc()`).
 * Only the authorization code flow; no scopes. API calls (WebDAV, OCS) are relative to the server,
 * e.g. `session.fetch("ocs/v1.php/cloud/user?format=json")`.
 *
 * @example
 * ```ts
 * owncloud({ host: "cloud.example.com" })
 * ```
 * @see https://github.com/owncloud/oauth2
 */
export function owncloud<const Id extends string = "owncloud">(options: OwnCloudOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { host, ...common } = options;
  if (typeof host !== "string" || host === "") throw new TypeError("owncloud(): `host` is required, e.g. { host: \"cloud.example.com\" }");
  const base = instanceBase(host, "host");
  return preset(common, {
    protocol: "oauth2",
    id: "owncloud",
    name: "ownCloud",
    // The /index.php/ paths work with and without pretty URLs.
    authorizationUrl: `${base}/index.php/apps/oauth2/authorize`,
    tokenUrl: `${base}/index.php/apps/oauth2/api/v1/token`,
    apiBaseUrl: `${base}/`,
    refresh: true,
    facts: {
      docs: "https://github.com/owncloud/oauth2",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
