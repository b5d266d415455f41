import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link unsplash}. */
export interface UnsplashOptions<Id extends string = "unsplash"> extends PresetOptions<Id> {
  /** Unsplash scopes: `public`, `read_user`, `write_user`, `read_photos`, `write_likes`, … Default `["public", "read_user"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Unsplash. `read_user` lets `session.fetch("me")` read the user's profile; tokens do not
 * expire. API calls ask for version 1 (`Accept-Version: v1`).
 *
 * @example
 * ```ts
 * unsplash({ scope: ["public", "read_user", "write_likes"] })
 * ```
 * @see https://unsplash.com/documentation/user-authentication-workflow
 */
export function unsplash<const Id extends string = "unsplash">(options: UnsplashOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "unsplash",
    name: "Unsplash",
    authorizationUrl: "https://unsplash.com/oauth/authorize",
    tokenUrl: "https://unsplash.com/oauth/token",
    apiBaseUrl: "https://api.unsplash.com/",
    scope: ["public", "read_user"],
    clientAuth: "client_secret_post",
    apiHeaders: { "accept-version": "v1" },
    facts: {
      docs: "https://unsplash.com/documentation/user-authentication-workflow",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire." },
    },
  });
}
