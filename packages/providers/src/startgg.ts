import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link startgg}. */
export interface StartGGOptions<Id extends string = "startgg"> extends PresetOptions<Id> {
  /** start.gg scopes, e.g. `["user.identity", "user.email"]`. Default `["user.identity"]`. They are sent again with every token request. */
  scope?: readonly string[] | string | undefined;
  /** Your callback's absolute URL, as registered: start.gg's docs ask for it again with a refresh (Dance cannot know it outside a request). */
  redirectUri?: string | undefined;
}

/**
 * start.gg. Its token requests repeat the scopes, and refreshes go to their own endpoint
 * (`/oauth/refresh`). Access tokens live a week. The user comes from GraphQL:
 * `session.fetch("gql/alpha", { method: "POST", body: JSON.stringify({ query: "{ currentUser { id slug } }" }) })`.
 *
 * @example
 * ```ts
 * startgg({ scope: ["user.identity", "user.email"], redirectUri: "https://app.example/login/startgg/authorized" })
 * ```
 * @see https://developer.start.gg/docs/oauth/oauth-overview
 */
export function startgg<const Id extends string = "startgg">(options: StartGGOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { redirectUri, tokenParams, ...common } = options;
  const scope = (typeof common.scope === "string" ? common.scope.split(" ") : (common.scope ?? ["user.identity"])).filter(Boolean).join(" ");
  return preset(common, {
    protocol: "oauth2",
    id: "startgg",
    name: "start.gg",
    authorizationUrl: "https://start.gg/oauth/authorize",
    tokenUrl: "https://api.start.gg/oauth/access_token",
    apiBaseUrl: "https://api.start.gg/",
    scope: ["user.identity"],
    // start.gg's docs list client_id and client_secret among the token request's fields.
    clientAuth: "client_secret_post",
    // The code exchange and the refresh both repeat the scopes; the refresh has its own endpoint.
    tokenParams: { scope, ...tokenParams },
    refresh: { url: "https://api.start.gg/oauth/refresh", params: { scope, ...(redirectUri ? { redirect_uri: redirectUri } : {}) } },
    facts: {
      docs: "https://developer.start.gg/docs/oauth/oauth-overview",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 7 days; refresh at POST /oauth/refresh with the same scopes." },
    },
  });
}
