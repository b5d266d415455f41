import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link shikimori}. */
export interface ShikimoriOptions<Id extends string = "shikimori"> extends PresetOptions<Id> {
  /** Your OAuth application's name as registered at Shikimori, sent as the `User-Agent` of token and API requests. Required. */
  appName: string;
  /** Shikimori's host (it has moved before). Default `shikimori.one`. */
  hostname?: string | undefined;
  /** Shikimori scopes, e.g. `["user_rates", "comments"]`. Default: none (`users/whoami` needs none). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Shikimori. Every request, the token requests included, must carry the registered
 * application name as its `User-Agent`: Shikimori bans the IPs of clients that do not.
 * Access tokens live a day; each refresh answers a new refresh token.
 *
 * @example
 * ```ts
 * shikimori({ appName: "My Anime Tracker" }) // SHIKIMORI_OAUTH_CLIENT_ID / _SECRET; session.fetch("users/whoami")
 * ```
 * @see https://shikimori.one/oauth
 */
export function shikimori<const Id extends string = "shikimori">(options: ShikimoriOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { appName, hostname = "shikimori.one", ...common } = options;
  if (typeof appName !== "string" || appName.trim() === "") throw new TypeError("shikimori(): `appName` (your registered application's name, sent as User-Agent) is required");
  const base = instanceBase(hostname, "hostname");
  return preset(common, {
    protocol: "oauth2",
    id: "shikimori",
    name: "Shikimori",
    authorizationUrl: `${base}/oauth/authorize`,
    tokenUrl: `${base}/oauth/token`,
    apiBaseUrl: `${base}/api/`,
    // Shikimori's guide posts client_id and client_secret as form fields.
    clientAuth: "client_secret_post",
    refresh: true,
    apiHeaders: { "user-agent": appName },
    tokenHeaders: { "user-agent": appName },
    facts: {
      docs: "https://shikimori.one/oauth",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 day." },
    },
  });
}
