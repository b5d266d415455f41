import type { Contract } from "../contract.js";

export default {
  id: "kakao",
  protocol: "oauth2",
  authorizationUrl: "https://kauth.kakao.com/oauth/authorize",
  tokenUrl: "https://kauth.kakao.com/oauth/token",
  apiBaseUrl: "https://kapi.kakao.com/",
  defaultScope: null,
  options: [
    [{}, { prompt: null, login_hint: null }],
    [{ prompt: "select_account", loginHint: "ada@example.test", scope: ["account_email"] }, { prompt: "select_account", login_hint: "ada@example.test", scope: "account_email" }],
  ],
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "yes",
    rotates: "no",
    expiresIn: "yes",
    notes: "Access tokens live 6 hours, refresh tokens about 2 months; a refresh answers a new refresh token only in its last month.",
  },
  docs: "https://developers.kakao.com/docs/latest/en/kakaologin/rest-api",
} satisfies Contract;
