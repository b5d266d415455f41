import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link digitalocean} (Flask-Dance's `make_digitalocean_blueprint`). */
export interface DigitalOceanOptions<Id extends string = "digitalocean"> extends PresetOptions<Id> {
  /** `read`, `read write`, or granular scopes; a string may separate them with commas (`"read,write"`), as in Flask-Dance. Default: none (read-only). */
  scope?: readonly string[] | string | undefined;
}

/**
 * DigitalOcean. The OAuth server is cloud.digitalocean.com, the API api.digitalocean.com/v2:
 * Flask-Dance's API base was the OAuth server (`…/v1/oauth`), this one is the API, so
 * `session.fetch("account")` works.
 *
 * @example
 * ```ts
 * digitalocean({ scope: "read,write" }) // sent as scope=read write; session.fetch("account")
 * ```
 * @see https://docs.digitalocean.com/reference/api/oauth/
 */
export function digitalocean<const Id extends string = "digitalocean">(options: DigitalOceanOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { scope, ...common } = options;
  return preset(
    // Flask-Dance turns "read,write" into "read write": DigitalOcean separates scopes with spaces.
    { ...common, scope: typeof scope === "string" ? scope.replace(/,/g, " ") : scope },
    {
      protocol: "oauth2",
      id: "digitalocean",
      name: "DigitalOcean",
      authorizationUrl: "https://cloud.digitalocean.com/v1/oauth/authorize",
      tokenUrl: "https://cloud.digitalocean.com/v1/oauth/token",
      apiBaseUrl: "https://api.digitalocean.com/v2/",
      refresh: true,
      facts: {
        docs: "https://docs.digitalocean.com/reference/api/oauth/",
        refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "The token answer also carries `info` (the user's name, e-mail and uuid)." },
      },
    },
  );
}
