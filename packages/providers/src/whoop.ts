import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link whoop}. */
export interface WhoopOptions<Id extends string = "whoop"> extends PresetOptions<Id> {
  /** WHOOP scopes, e.g. `["read:recovery"]`; add `offline` (not `offline_access`) for refresh tokens. Default `["read:profile"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * WHOOP (developer API v2). Refresh tokens come only with the `offline` scope, and each refresh
 * must ask for `scope=offline` again; they rotate.
 *
 * @example
 * ```ts
 * whoop({ scope: ["read:profile", "read:recovery", "offline"] }) // session.fetch("v2/user/profile/basic")
 * ```
 * @see https://developer.whoop.com/docs/developing/oauth
 */
export function whoop<const Id extends string = "whoop">(options: WhoopOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const scope = options.scope ?? ["read:profile"];
  const offline = (typeof scope === "string" ? scope.split(" ") : scope).includes("offline");
  return preset(options, {
    protocol: "oauth2",
    id: "whoop",
    name: "WHOOP",
    authorizationUrl: "https://api.prod.whoop.com/oauth/oauth2/auth",
    tokenUrl: "https://api.prod.whoop.com/oauth/oauth2/token",
    apiBaseUrl: "https://api.prod.whoop.com/developer/",
    scope,
    clientAuth: "client_secret_post",
    // WHOOP wants the refresh request to repeat scope=offline.
    refresh: offline ? { params: { scope: "offline" } } : false,
    facts: {
      docs: "https://developer.whoop.com/docs/developing/oauth",
      refresh: { refreshTokens: "with the offline scope", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh asks for scope=offline and returns a new refresh token." },
    },
  });
}
