import type { Contract } from "../contract.js";

export default {
  id: "gitea",
  protocol: "oidc",
  authorizationUrl: "https://gitea.com/login/oauth/authorize",
  tokenUrl: "https://gitea.com/login/oauth/access_token",
  apiBaseUrl: "https://gitea.com/api/v1/",
  defaultScope: "read:user",
  options: [
    [{ baseUrl: "https://codeberg.org" }, { scope: "read:user" }],
    [{ scope: ["openid", "profile", "email"] }, { scope: "openid profile email" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "yes",
    rotates: "unknown",
    expiresIn: "yes",
    notes: "Access tokens live 1 hour by default. A refresh answers a new refresh token; the old one stops working only where the admin set INVALIDATE_REFRESH_TOKENS.",
  },
  docs: "https://docs.gitea.com/development/oauth2-provider",
} satisfies Contract;
