import type { Contract } from "../contract.js";

export default {
  id: "startgg",
  protocol: "oauth2",
  authorizationUrl: "https://start.gg/oauth/authorize",
  tokenUrl: "https://api.start.gg/oauth/access_token",
  apiBaseUrl: "https://api.start.gg/",
  defaultScope: "user.identity",
  options: [[{ scope: ["user.identity", "user.email"], redirectUri: "https://app.test/login/startgg/authorized" }, { scope: "user.identity user.email" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 7 days; refresh at POST /oauth/refresh with the same scopes." },
  docs: "https://developer.start.gg/docs/oauth/oauth-overview",
} satisfies Contract;
