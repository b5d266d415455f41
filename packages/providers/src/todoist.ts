import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link todoist}. */
export interface TodoistOptions<Id extends string = "todoist"> extends PresetOptions<Id> {
  /** Default `["data:read"]`; add `task:add`, `data:read_write`, `data:delete`, `project:delete`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Todoist, on its current hosts (app.todoist.com, api.todoist.com; older libraries use
 * todoist.com). Scopes are sent comma-separated (`scopeSeparator: ","`). The user comes from
 * the sync call:
 * `session.fetch("sync", { method: "POST", body: new URLSearchParams({ sync_token: "*", resource_types: '["user"]' }) })`.
 *
 * @example
 * ```ts
 * todoist({ scope: ["data:read", "task:add"] })
 * ```
 * @see https://developer.todoist.com/api/v1/#tag/Authorization/OAuth
 */
export function todoist<const Id extends string = "todoist">(options: TodoistOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "todoist",
    name: "Todoist",
    authorizationUrl: "https://app.todoist.com/oauth/authorize",
    tokenUrl: "https://api.todoist.com/oauth/access_token",
    apiBaseUrl: "https://api.todoist.com/api/v1/",
    scope: ["data:read"],
    // Todoist joins scopes with commas (data:read,task:add).
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developer.todoist.com/api/v1/#tag/Authorization/OAuth",
      refresh: {
        refreshTokens: "apps with refresh tokens enabled (the default for new apps)",
        rotates: "yes",
        expiresIn: "apps with refresh tokens enabled",
        notes: "Apps without refresh tokens get long-lived tokens.",
      },
    },
  });
}
