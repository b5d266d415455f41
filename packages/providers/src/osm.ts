import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link osm} (Flask-Dance's `make_osm_blueprint`). */
export interface OsmOptions<Id extends string = "osm"> extends PresetOptions<Id> {
  /** OSM scopes: `read_prefs` (enough for `user/details.json`), `write_api`, `read_gpx` … Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
}

/**
 * OpenStreetMap (OAuth 2). Tokens do not expire. Flask-Dance's API base is
 * `www.openstreetmap.org/api/0.6/`; OSM's API host is `api.openstreetmap.org`, and the token
 * may still be sent to www.openstreetmap.org. For the `openid` scope (an id_token), use `oidc()`:
 * this preset is plain OAuth 2.
 *
 * @example
 * ```ts
 * osm({ scope: ["read_prefs"] }) // session.fetch("user/details.json")
 * ```
 * @see https://wiki.openstreetmap.org/wiki/OAuth
 */
export function osm<const Id extends string = "osm">(options: OsmOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "osm",
    name: "OpenStreetMap",
    authorizationUrl: "https://www.openstreetmap.org/oauth2/authorize",
    tokenUrl: "https://www.openstreetmap.org/oauth2/token",
    apiBaseUrl: "https://api.openstreetmap.org/api/0.6/",
    apiOrigins: ["https://www.openstreetmap.org"],
    facts: {
      docs: "https://wiki.openstreetmap.org/wiki/OAuth",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Access tokens do not expire." },
    },
  });
}
