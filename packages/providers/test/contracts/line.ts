import type { Contract } from "../contract.js";

export default {
  id: "line",
  protocol: "oauth2",
  authorizationUrl: "https://access.line.me/oauth2/v2.1/authorize",
  tokenUrl: "https://api.line.me/oauth2/v2.1/token",
  apiBaseUrl: "https://api.line.me/",
  defaultScope: "profile",
  options: [
    [{}, { prompt: null, bot_prompt: null, ui_locales: null, initial_amr_display: null, disable_auto_login: null }],
    [
      { prompt: "consent", botPrompt: "aggressive", uiLocales: "ja", initialAmrDisplay: "lineqr", disableAutoLogin: true },
      { prompt: "consent", bot_prompt: "aggressive", ui_locales: "ja", initial_amr_display: "lineqr", disable_auto_login: "true" },
    ],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 30 days; a refresh token is usable for a limited time after it was issued." },
  docs: "https://developers.line.biz/en/docs/line-login/integrate-line-login/",
} satisfies Contract;
