import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link osu}. */
export interface OsuOptions<Id extends string = "osu"> extends PresetOptions<Id> {
  /** osu! scopes, e.g. `["identify", "public"]`. Default `["identify"]` (always granted). */
  scope?: readonly string[] | string | undefined;
}

const hooks: ProviderHooks = {
  // osu! revokes the token a request is made with, not an RFC 7009 body.
  async revoke(token, { fetch }) {
    const response = await fetch("https://osu.ppy.sh/api/v2/oauth/tokens/current", { method: "DELETE", headers: { authorization: `Bearer ${token.access_token}` } });
    await response.body?.cancel();
    if (!response.ok && response.status !== 401) throw new Error(`osu! answered HTTP ${response.status} to the token revocation`);
  },
};

/**
 * osu! (API v2). `identify` is granted to every token; most read endpoints also need
 * `public`. The user is `session.fetch("me")` (or `me/taiko`, … per game mode).
 *
 * @example
 * ```ts
 * osu({ scope: ["identify", "public"] }) // OSU_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://osu.ppy.sh/docs/index.html#authorization-code-grant
 */
export function osu<const Id extends string = "osu">(options: OsuOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "osu",
    name: "osu!",
    authorizationUrl: "https://osu.ppy.sh/oauth/authorize",
    tokenUrl: "https://osu.ppy.sh/oauth/token",
    apiBaseUrl: "https://osu.ppy.sh/api/v2/",
    scope: ["identify"],
    // osu!'s docs send client_id and client_secret as form fields.
    clientAuth: "client_secret_post",
    refresh: true,
    hooks,
    facts: {
      docs: "https://osu.ppy.sh/docs/index.html#authorization-code-grant",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about a day." },
    },
  });
}
