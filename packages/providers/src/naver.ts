import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link naver}. */
export interface NaverOptions<Id extends string = "naver"> extends PresetOptions<Id> {
  /** Naver has no scopes: the profile fields are chosen when the app is registered. Default: none. */
  scope?: readonly string[] | string | undefined;
  /** `auth_type`: `reprompt` (ask again for declined fields) or `reauthenticate`. */
  authType?: "reprompt" | "reauthenticate" | undefined;
}

const hooks: ProviderHooks = {
  // Naver answers token errors with HTTP 200: make them the 400 they are.
  tokenResponse: (answer) =>
    answer.status === 200 && typeof answer.body.error === "string" && answer.body.access_token === undefined ? { ...answer, status: 400 } : answer,
};

/**
 * Naver Login. Token errors come with HTTP 200 and `expires_in` is a string; both are read as
 * the errors and numbers they are. The user is `session.fetch("v1/nid/me")` (under `response`).
 *
 * @example
 * ```ts
 * naver({ authType: "reprompt" })
 * ```
 * @see https://developers.naver.com/docs/login/api/api.md
 */
export function naver<const Id extends string = "naver">(options: NaverOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { authType, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "naver",
    name: "Naver",
    authorizationUrl: "https://nid.naver.com/oauth2.0/authorize",
    tokenUrl: "https://nid.naver.com/oauth2.0/token",
    apiBaseUrl: "https://openapi.naver.com/",
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { auth_type: authType },
    hooks,
    facts: {
      docs: "https://developers.naver.com/docs/login/api/api.md",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh answers a new access token only." },
      tokenErrorStatus: 200,
    },
  });
}
