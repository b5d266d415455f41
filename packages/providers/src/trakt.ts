import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link trakt}. */
export interface TraktOptions<Id extends string = "trakt"> extends PresetOptions<Id> {
  /** Trakt has no scopes. Default: none. */
  scope?: readonly string[] | string | undefined;
  /** `signup=true`: show Trakt's sign-up page instead of sign-in. */
  signup?: boolean | undefined;
  /** `prompt=login`: make the user sign in again even with a Trakt session. */
  forceLogin?: boolean | undefined;
}

const hooks: ProviderHooks = {
  // Every API call names the app: trakt-api-key is the client id.
  apiRequest(request, { clientId }) {
    request.headers.set("trakt-api-key", clientId);
    return request;
  },
};

/**
 * Trakt. Every API call carries `trakt-api-key` (the client id) and `trakt-api-version: 2`
 * next to the Bearer token. Trakt's docs show the token request as JSON; it takes the
 * standard form body too (Auth.js sends that). There is no e-mail, and Trakt forbids
 * hotlinking images.
 *
 * @example
 * ```ts
 * trakt() // TRAKT_OAUTH_CLIENT_ID / _SECRET; session.fetch("users/me?extended=full")
 * ```
 * @see https://trakt.docs.apiary.io/#reference/authentication-oauth
 */
export function trakt<const Id extends string = "trakt">(options: TraktOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { signup, forceLogin, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "trakt",
    name: "Trakt",
    authorizationUrl: "https://trakt.tv/oauth/authorize",
    tokenUrl: "https://api.trakt.tv/oauth/token",
    // Takes token, client_id and client_secret as form fields: RFC 7009 with client_secret_post.
    revocationUrl: "https://api.trakt.tv/oauth/revoke",
    apiBaseUrl: "https://api.trakt.tv/",
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { signup: signup ? "true" : undefined, prompt: forceLogin ? "login" : undefined },
    apiHeaders: { "trakt-api-version": "2", "content-type": "application/json" },
    hooks,
    facts: {
      docs: "https://trakt.docs.apiary.io/#reference/authentication-oauth",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Trakt has shortened access-token lifetimes before: read expires_in." },
    },
  });
}
