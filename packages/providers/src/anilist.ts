import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link anilist}. */
export interface AniListOptions<Id extends string = "anilist"> extends PresetOptions<Id> {
  /** AniList has no scopes (a token reaches the whole account). Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * AniList. Tokens are year-long and cannot be refreshed; the API is GraphQL only, posted to
 * its root: `session.fetch("", { method: "POST", body: JSON.stringify({ query: "{ Viewer { id name } }" }) })`.
 *
 * @example
 * ```ts
 * anilist() // ANILIST_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://docs.anilist.co/guide/auth/authorization-code
 */
export function anilist<const Id extends string = "anilist">(options: AniListOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "anilist",
    name: "AniList",
    authorizationUrl: "https://anilist.co/api/v2/oauth/authorize",
    tokenUrl: "https://anilist.co/api/v2/oauth/token",
    apiBaseUrl: "https://graphql.anilist.co/",
    // AniList's guide sends client_id and client_secret in the token request's body.
    clientAuth: "client_secret_post",
    refresh: false,
    // The GraphQL endpoint answers JSON to JSON requests.
    apiHeaders: { accept: "application/json", "content-type": "application/json" },
    facts: {
      docs: "https://docs.anilist.co/guide/auth/authorization-code",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens live a year; authorize again when one expires." },
    },
  });
}
