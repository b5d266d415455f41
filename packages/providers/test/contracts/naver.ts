import type { Contract } from "../contract.js";

export default {
  id: "naver",
  protocol: "oauth2",
  authorizationUrl: "https://nid.naver.com/oauth2.0/authorize",
  tokenUrl: "https://nid.naver.com/oauth2.0/token",
  apiBaseUrl: "https://openapi.naver.com/",
  defaultScope: null,
  options: [
    [{}, { auth_type: null }],
    [{ authType: "reprompt" }, { auth_type: "reprompt" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh answers a new access token only." },
  docs: "https://developers.naver.com/docs/login/api/api.md",
} satisfies Contract;
