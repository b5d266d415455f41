import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link linear}. */
export interface LinearOptions<Id extends string = "linear"> extends PresetOptions<Id> {
  /** Default `["read"]` (always granted); add `write`, `issues:create`, `admin`, … */
  scope?: readonly string[] | string | undefined;
  /** `actor`: `app` makes the app, not the user, the author of what it creates (agents). */
  actor?: "user" | "app" | undefined;
  /** `prompt=consent`: show the consent screen even when the user granted the app before. */
  prompt?: "consent" | undefined;
}

/**
 * Linear. Its API is GraphQL: the user is
 * `session.fetch("graphql", { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ viewer { id name email } }"}' })`.
 * Scopes are sent comma-separated (`scopeSeparator: ","`), as Linear documents.
 *
 * @example
 * ```ts
 * linear({ scope: ["read", "write"] })
 * ```
 * @see https://linear.app/developers/oauth-2-0-authentication
 */
export function linear<const Id extends string = "linear">(options: LinearOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { actor, prompt, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "linear",
    name: "Linear",
    authorizationUrl: "https://linear.app/oauth/authorize",
    tokenUrl: "https://api.linear.app/oauth/token",
    apiBaseUrl: "https://api.linear.app/",
    scope: ["read"],
    // Linear documents the scope as a comma-separated list.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { actor, prompt },
    facts: {
      docs: "https://linear.app/developers/oauth-2-0-authentication",
      refresh: {
        refreshTokens: "yes",
        rotates: "yes",
        expiresIn: "yes",
        notes: "Access tokens live 24 hours. Apps created from 1 October 2025 get refresh tokens; every app does from 1 April 2026.",
      },
    },
  });
}
