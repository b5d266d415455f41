import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link strava} (Flask-Dance's `make_strava_blueprint`). */
export interface StravaOptions<Id extends string = "strava"> extends PresetOptions<Id> {
  /** Strava scopes, sent comma-separated: `read`, `read_all`, `profile:read_all`, `activity:read` … Default `["read"]` (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `approval_prompt`: `force` shows the authorization screen every time; `auto` (Strava's default) only the first time. */
  approvalPrompt?: "auto" | "force" | undefined;
  /** A User-Agent for API calls (Flask-Dance keeps `user_agent` but never sends it; here it is sent). */
  userAgent?: string | undefined;
}

const hooks: ProviderHooks = {
  // Strava has no RFC 7009 endpoint: deauthorizing the app revokes all of its tokens for the athlete.
  // https://developers.strava.com/docs/authentication/#deauthorization
  async revoke(token, { fetch }) {
    const response = await fetch("https://www.strava.com/oauth/deauthorize", { method: "POST", body: new URLSearchParams({ access_token: token.access_token }) });
    await response.body?.cancel();
    if (!response.ok && response.status !== 401) throw new Error(`Strava answered HTTP ${response.status} to the deauthorization`);
  },
};

/**
 * Strava. The token endpoint wants the credentials as form fields (Flask-Dance:
 * `include_client_id`); tokens are refreshed automatically, with refresh tokens that change.
 * The user may untick scopes: check `session.token.scope`. Flask-Dance's API base has no
 * trailing slash (`athlete` resolved to `/api/athlete`); this one does.
 *
 * @example
 * ```ts
 * strava({ scope: ["read", "activity:read"] }) // session.fetch("athlete")
 * ```
 * @see https://developers.strava.com/docs/authentication/
 */
export function strava<const Id extends string = "strava">(options: StravaOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { approvalPrompt, userAgent, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "strava",
    name: "Strava",
    authorizationUrl: "https://www.strava.com/api/v3/oauth/authorize",
    tokenUrl: "https://www.strava.com/api/v3/oauth/token",
    apiBaseUrl: "https://www.strava.com/api/v3/",
    scope: ["read"],
    // Strava documents scopes as a comma-separated list.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { approval_prompt: approvalPrompt },
    apiHeaders: userAgent ? { "user-agent": userAgent } : undefined,
    hooks,
    facts: {
      docs: "https://developers.strava.com/docs/authentication/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 6 hours; the token answer also carries expires_at and the athlete." },
    },
  });
}
