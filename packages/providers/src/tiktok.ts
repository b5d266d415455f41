import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link tiktok}. */
export interface TikTokOptions<Id extends string = "tiktok"> extends PresetOptions<Id> {
  /** Default `["user.info.basic"]` (open id, avatar, display name); `user.info.profile`, `video.list`, … need the app's approval. */
  scope?: readonly string[] | string | undefined;
}

const hooks: ProviderHooks = {
  // TikTok names the client id `client_key`.
  authorizationRequest(url, { clientId }) {
    url.searchParams.set("client_key", clientId);
  },
  // The code exchange, the refresh and the revocation all want `client_key` next to the secret.
  tokenRequest(body, _headers, { clientId }) {
    body.set("client_key", clientId);
  },
};

/**
 * TikTok Login Kit (API v2). TikTok calls the client id `client_key`: it is sent under that
 * name, next to `client_id`, on the authorization, the code exchange, refreshes and
 * revocation. Scopes are comma-separated (`scopeSeparator: ","`). The user is
 * `session.fetch("user/info/?fields=open_id,union_id,avatar_url,display_name")`; the token
 * keeps `open_id`.
 *
 * @example
 * ```ts
 * tiktok({ scope: ["user.info.basic", "video.list"] }) // TIKTOK_OAUTH_CLIENT_ID holds the client key
 * ```
 * @see https://developers.tiktok.com/doc/login-kit-web/
 */
export function tiktok<const Id extends string = "tiktok">(options: TikTokOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "tiktok",
    name: "TikTok",
    authorizationUrl: "https://www.tiktok.com/v2/auth/authorize/",
    tokenUrl: "https://open.tiktokapis.com/v2/oauth/token/",
    revocationUrl: "https://open.tiktokapis.com/v2/oauth/revoke/",
    apiBaseUrl: "https://open.tiktokapis.com/v2/",
    scope: ["user.info.basic"],
    // TikTok joins scopes with commas.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    hooks,
    facts: {
      docs: "https://developers.tiktok.com/doc/login-kit-manage-user-access-tokens",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "The answer also carries refresh_expires_in (the refresh token's life), open_id and a comma-separated scope." },
    },
  });
}
