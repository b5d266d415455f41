import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link lichess}. */
export interface LichessOptions<Id extends string = "lichess"> extends PresetOptions<Id> {
  /** Lichess scopes, e.g. `["email:read", "challenge:write"]`. Default: none (`account` needs none). */
  scope?: readonly string[] | string | undefined;
  /** `username=`: the Lichess account to pre-fill. */
  username?: string | undefined;
}

const hooks: ProviderHooks = {
  // Lichess revokes the token a request is made with.
  async revoke(token, { fetch }) {
    const response = await fetch("https://lichess.org/api/token", { method: "DELETE", headers: { authorization: `Bearer ${token.access_token}` } });
    await response.body?.cancel();
    if (!response.ok && response.status !== 401) throw new Error(`Lichess answered HTTP ${response.status} to the token revocation`);
  },
};

/**
 * Lichess. There is no app registration and no secret: the client id is any string naming
 * your app (`LICHESS_OAUTH_CLIENT_ID=example.com`), and PKCE carries the proof. Tokens live
 * about a year and cannot be refreshed. The e-mail needs `email:read` and `account/email`.
 *
 * @example
 * ```ts
 * lichess({ clientId: "example.com" }); // session.fetch("account")
 * ```
 * @see https://lichess.org/api#tag/OAuth
 */
export function lichess<const Id extends string = "lichess">(options: LichessOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { username, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "lichess",
    name: "Lichess",
    // The authorization page is /oauth itself.
    authorizationUrl: "https://lichess.org/oauth",
    tokenUrl: "https://lichess.org/api/token",
    apiBaseUrl: "https://lichess.org/api/",
    // A public client: the token request carries client_id and the PKCE verifier, no secret.
    clientAuth: "none",
    refresh: false,
    authorizationParams: { username },
    hooks,
    facts: {
      docs: "https://lichess.org/api#tag/OAuth",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens live about a year; DELETE /api/token revokes one." },
    },
  });
}
