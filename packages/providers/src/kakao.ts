import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link kakao}. */
export interface KakaoOptions<Id extends string = "kakao"> extends PresetOptions<Id> {
  /** Consent items to ask for besides those set in the console, e.g. `["account_email"]`. Default: none. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `login`, `none`, `create` or `select_account`. */
  prompt?: "login" | "none" | "create" | "select_account" | undefined;
  /** `login_hint`: the account to pre-fill. */
  loginHint?: string | undefined;
}

/**
 * Kakao Login (REST API), as OAuth 2: the client id is the app's REST API key, the user is
 * `session.fetch("v2/user/me")`. Kakao's OpenID layer is opt-in per app and not used here. An
 * app without a client secret (Kakao makes it optional) is a public client: spread
 * `clientAuth: "none"` over the preset.
 *
 * @example
 * ```ts
 * kakao({ scope: ["account_email"], prompt: "select_account" })
 * ```
 * @see https://developers.kakao.com/docs/latest/en/kakaologin/rest-api
 */
export function kakao<const Id extends string = "kakao">(options: KakaoOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { prompt, loginHint, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "kakao",
    name: "Kakao",
    authorizationUrl: "https://kauth.kakao.com/oauth/authorize",
    tokenUrl: "https://kauth.kakao.com/oauth/token",
    apiBaseUrl: "https://kapi.kakao.com/",
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { prompt, login_hint: loginHint },
    facts: {
      docs: "https://developers.kakao.com/docs/latest/en/kakaologin/rest-api",
      refresh: {
        refreshTokens: "yes",
        rotates: "no",
        expiresIn: "yes",
        notes: "Access tokens live 6 hours, refresh tokens about 2 months; a refresh answers a new refresh token only in its last month.",
      },
    },
  });
}
