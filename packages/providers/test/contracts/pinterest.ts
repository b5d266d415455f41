import type { Contract } from "../contract.js";

export default {
  id: "pinterest",
  protocol: "oauth2",
  authorizationUrl: "https://www.pinterest.com/oauth/",
  tokenUrl: "https://api.pinterest.com/v5/oauth/token",
  apiBaseUrl: "https://api.pinterest.com/v5/",
  defaultScope: "user_accounts:read",
  // Comma-separated, as Pinterest documents.
  options: [[{ scope: ["user_accounts:read", "boards:read"] }, { scope: "user_accounts:read,boards:read" }]],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "yes",
    rotates: "unknown",
    expiresIn: "yes",
    notes: "Access tokens live 30 days, refresh tokens a year; with continuous refresh (to become the default) each refresh answers a new refresh token.",
  },
  docs: "https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/",
} satisfies Contract;
