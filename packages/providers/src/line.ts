import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link line}. */
export interface LineOptions<Id extends string = "line"> extends PresetOptions<Id> {
  /** Default `["profile"]`. Not `openid`: LINE signs web logins' id_tokens with HS256 and the channel secret, which Dance does not accept. */
  scope?: readonly string[] | string | undefined;
  /** `prompt=consent`: show the consent screen even when the user granted the channel before. */
  prompt?: "consent" | undefined;
  /** `bot_prompt`: offer to add the channel's LINE Official Account as a friend (`normal` or `aggressive`). */
  botPrompt?: "normal" | "aggressive" | undefined;
  /** `ui_locales`: the language of the login screen (BCP 47 tags). */
  uiLocales?: string | undefined;
  /** `initial_amr_display=lineqr`: show QR-code login first. */
  initialAmrDisplay?: "lineqr" | undefined;
  /** `disable_auto_login=true`: no automatic login, even on LINE's own browser. */
  disableAutoLogin?: boolean | undefined;
}

/**
 * LINE Login v2.1, as OAuth 2: the user is `session.fetch("v2/profile")`. LINE's OpenID layer
 * signs the id_tokens of web logins with HS256 (the channel secret), so this preset asks for
 * `profile`, not `openid`.
 *
 * @example
 * ```ts
 * line({ botPrompt: "normal", uiLocales: "ja" })
 * ```
 * @see https://developers.line.biz/en/docs/line-login/integrate-line-login/
 */
export function line<const Id extends string = "line">(options: LineOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { prompt, botPrompt, uiLocales, initialAmrDisplay, disableAutoLogin, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "line",
    name: "LINE",
    authorizationUrl: "https://access.line.me/oauth2/v2.1/authorize",
    tokenUrl: "https://api.line.me/oauth2/v2.1/token",
    apiBaseUrl: "https://api.line.me/",
    scope: ["profile"],
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: {
      prompt,
      bot_prompt: botPrompt,
      ui_locales: uiLocales,
      initial_amr_display: initialAmrDisplay,
      disable_auto_login: disableAutoLogin ? "true" : undefined,
    },
    facts: {
      docs: "https://developers.line.biz/en/docs/line-login/integrate-line-login/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 30 days; a refresh token is usable for a limited time after it was issued." },
    },
  });
}
