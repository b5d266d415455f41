import type { Contract } from "../contract.js";

export default {
  id: "fitbit",
  protocol: "oauth2",
  authorizationUrl: "https://www.fitbit.com/oauth2/authorize",
  tokenUrl: "https://api.fitbit.com/oauth2/token",
  apiBaseUrl: "https://api.fitbit.com/",
  defaultScope: null,
  options: [
    [{}, { prompt: null }],
    [{ prompt: "login consent", scope: ["profile", "activity"] }, { prompt: "login consent", scope: "profile activity" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 8 hours; a refresh token can be used once." },
  docs: "https://dev.fitbit.com/build/reference/web-api/developer-guide/authorization",
} satisfies Contract;
