import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link codeberg}. */
export interface CodebergOptions<Id extends string = "codeberg"> extends PresetOptions<Id> {
  /** Forgejo scopes, e.g. `["read:repository"]`. Default: none (the public profile and public repositories). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Codeberg (Forgejo's OAuth 2 provider on codeberg.org). Register the app under Settings →
 * Applications. The user: `session.fetch("user")`.
 *
 * @example
 * ```ts
 * codeberg()
 * ```
 * @see https://forgejo.org/docs/latest/user/oauth2-provider
 */
export function codeberg<const Id extends string = "codeberg">(options: CodebergOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "codeberg",
    name: "Codeberg",
    authorizationUrl: "https://codeberg.org/login/oauth/authorize",
    tokenUrl: "https://codeberg.org/login/oauth/access_token",
    apiBaseUrl: "https://codeberg.org/api/v1/",
    refresh: true,
    facts: {
      docs: "https://forgejo.org/docs/latest/user/oauth2-provider",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Whether a used refresh token stays valid is an instance setting." },
    },
  });
}
