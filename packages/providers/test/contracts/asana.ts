import type { Contract } from "../contract.js";

export default {
  id: "asana",
  protocol: "oauth2",
  authorizationUrl: "https://app.asana.com/-/oauth_authorize",
  tokenUrl: "https://app.asana.com/-/oauth_token",
  apiBaseUrl: "https://app.asana.com/api/1.0/",
  defaultScope: null,
  options: [[{ scope: ["users:read", "tasks:read"] }, { scope: "users:read tasks:read" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens do not expire." },
  docs: "https://developers.asana.com/docs/oauth",
} satisfies Contract;
