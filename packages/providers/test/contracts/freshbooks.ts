import type { Contract } from "../contract.js";

export default {
  id: "freshbooks",
  protocol: "oauth2",
  authorizationUrl: "https://auth.freshbooks.com/service/auth/oauth/authorize",
  tokenUrl: "https://api.freshbooks.com/auth/oauth/token",
  apiBaseUrl: "https://api.freshbooks.com/",
  defaultScope: "user:profile:read",
  options: [[{ scope: ["user:profile:read", "user:clients:read"] }, { scope: "user:profile:read user:clients:read" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 12 hours; each refresh token works once." },
  docs: "https://www.freshbooks.com/api/authenticating-with-oauth-2-0-on-the-new-freshbooks-api",
} satisfies Contract;
