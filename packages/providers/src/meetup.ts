import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link meetup} (Flask-Dance's `make_meetup_blueprint`). */
export interface MeetupOptions<Id extends string = "meetup"> extends PresetOptions<Id> {
  /** Meetup scopes. Default `["basic"]` (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Meetup. The token endpoint wants the credentials as form fields (Flask-Dance:
 * `include_client_id`). Meetup's API is GraphQL now: Flask-Dance's REST base
 * (`api.meetup.com/2/`) is retired, this one is `https://api.meetup.com/`, so
 * `session.fetch("gql-ext", { method: "POST", … })` sends a query.
 *
 * @example
 * ```ts
 * const me = await session.fetch("gql-ext", {
 *   method: "POST",
 *   headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ query: "query { self { id name } }" }),
 * });
 * ```
 * @see https://www.meetup.com/graphql/authentication/
 */
export function meetup<const Id extends string = "meetup">(options: MeetupOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "meetup",
    name: "Meetup",
    authorizationUrl: "https://secure.meetup.com/oauth2/authorize",
    tokenUrl: "https://secure.meetup.com/oauth2/access",
    apiBaseUrl: "https://api.meetup.com/",
    scope: ["basic"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://www.meetup.com/graphql/authentication/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
