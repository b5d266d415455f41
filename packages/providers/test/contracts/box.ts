import type { Contract } from "../contract.js";

export default {
  id: "box",
  protocol: "oauth2",
  authorizationUrl: "https://account.box.com/api/oauth2/authorize",
  tokenUrl: "https://api.box.com/oauth2/token",
  apiBaseUrl: "https://api.box.com/2.0/",
  defaultScope: null,
  options: [[{ scope: ["root_readonly"] }, { scope: "root_readonly" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60 minutes; refresh tokens are single-use and live 60 days." },
  docs: "https://developer.box.com/guides/authentication/oauth2/",
} satisfies Contract;
