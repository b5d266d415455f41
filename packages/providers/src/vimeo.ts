import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link vimeo}. */
export interface VimeoOptions<Id extends string = "vimeo"> extends PresetOptions<Id> {
  /** Vimeo scopes, e.g. `["public", "private", "video_files"]`. Default `["public"]`. */
  scope?: readonly string[] | string | undefined;
}

/** Pins the API version, as Vimeo asks every call to. */
const ACCEPT = "application/vnd.vimeo.*+json;version=3.4";

const hooks: ProviderHooks = {
  // Vimeo has no RFC 7009 endpoint: DELETE /tokens revokes the token it is called with.
  async revoke(token, { fetch }) {
    const response = await fetch("https://api.vimeo.com/tokens", { method: "DELETE", headers: { authorization: `Bearer ${token.access_token}`, accept: ACCEPT } });
    await response.body?.cancel();
    // 401: the token is no longer valid, which is what revoking wants.
    if (response.status !== 204 && response.status !== 401) throw new Error(`Vimeo answered HTTP ${response.status} to the token deletion`);
  },
};

/**
 * Vimeo. The token endpoint is `/oauth/access_token` with HTTP Basic; its answer already
 * carries the `user`. Tokens do not expire and there is no refresh. API calls send Vimeo's
 * versioned `Accept` header.
 *
 * @example
 * ```ts
 * vimeo({ scope: ["public", "private"] }) // VIMEO_OAUTH_CLIENT_ID / _SECRET; session.fetch("me")
 * ```
 * @see https://developer.vimeo.com/api/authentication
 */
export function vimeo<const Id extends string = "vimeo">(options: VimeoOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "vimeo",
    name: "Vimeo",
    authorizationUrl: "https://api.vimeo.com/oauth/authorize",
    tokenUrl: "https://api.vimeo.com/oauth/access_token",
    apiBaseUrl: "https://api.vimeo.com/",
    scope: ["public"],
    refresh: false,
    apiHeaders: { accept: ACCEPT },
    hooks,
    facts: {
      docs: "https://developer.vimeo.com/api/authentication",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire; DELETE /tokens revokes one." },
    },
  });
}
