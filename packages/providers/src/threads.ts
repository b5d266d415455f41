import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link threads}. */
export interface ThreadsOptions<Id extends string = "threads"> extends PresetOptions<Id> {
  /** Default `["threads_basic"]` (needed by every endpoint); add `threads_content_publish`, … */
  scope?: readonly string[] | string | undefined;
}

/**
 * Threads (Meta). Use the Threads app id and secret, not the Meta app's; redirect URIs must be
 * https. The code gives a 1-hour token without refresh; Meta's `th_exchange_token` call
 * (GET graph.threads.net/access_token) trades it for a 60-day one. Scopes are comma-separated
 * (`scopeSeparator: ","`).
 * The user is `session.fetch("me?fields=id,username,threads_profile_picture_url")`.
 *
 * @example
 * ```ts
 * threads({ scope: ["threads_basic", "threads_content_publish"] })
 * ```
 * @see https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions
 */
export function threads<const Id extends string = "threads">(options: ThreadsOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "threads",
    name: "Threads",
    authorizationUrl: "https://threads.net/oauth/authorize",
    tokenUrl: "https://graph.threads.net/oauth/access_token",
    apiBaseUrl: "https://graph.threads.net/v1.0/",
    scope: ["threads_basic"],
    // Threads joins scopes with commas.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions",
      refresh: {
        refreshTokens: "no",
        rotates: "no",
        expiresIn: "no",
        notes: "The code gives a 1-hour token; th_exchange_token makes it a 60-day one, which th_refresh_token extends once it is a day old.",
      },
    },
  });
}
