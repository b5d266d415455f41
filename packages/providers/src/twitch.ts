import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link twitch} (Flask-Dance's `make_twitch_blueprint`). */
export interface TwitchOptions<Id extends string = "twitch"> extends PresetOptions<Id> {
  /** Twitch scopes, e.g. `["user:read:email"]`; add `openid` for an id_token. Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `force_verify=true`: ask the user to authorize again even if they did before. */
  forceVerify?: boolean | undefined;
}

const hooks: ProviderHooks = {
  // Helix wants the client that issued the token next to it (Flask-Dance's ClientIdHeaderOAuth2Session).
  apiRequest(request, { clientId }) {
    request.headers.set("client-id", clientId);
    return request;
  },
  // The token response's scope is a JSON array; RFC 6749 says a space-separated string.
  tokenResponse: (answer) => (Array.isArray(answer.body.scope) ? { ...answer, body: { ...answer.body, scope: answer.body.scope.join(" ") } } : answer),
};

/**
 * Twitch. The token endpoint wants the credentials as form fields (Flask-Dance:
 * `include_client_id`); API calls carry `Client-Id`; tokens are refreshed automatically.
 * Twitch asks apps to validate tokens hourly (`https://id.twitch.tv/oauth2/validate`).
 *
 * @example
 * ```ts
 * twitch({ scope: ["user:read:email"] }) // TWITCH_OAUTH_CLIENT_ID / _SECRET; session.fetch("users")
 * ```
 * @see https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/
 */
export function twitch<const Id extends string = "twitch">(options: TwitchOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { forceVerify, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "twitch",
    name: "Twitch",
    authorizationUrl: "https://id.twitch.tv/oauth2/authorize",
    tokenUrl: "https://id.twitch.tv/oauth2/token",
    revocationUrl: "https://id.twitch.tv/oauth2/revoke",
    apiBaseUrl: "https://api.twitch.tv/helix/",
    apiOrigins: ["https://id.twitch.tv"],
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { force_verify: forceVerify ? "true" : undefined },
    hooks,
    facts: {
      docs: "https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Tokens can be invalidated before they expire (disconnect, password change): validate hourly." },
    },
  });
}
