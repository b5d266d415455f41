import type { Contract } from "../contract.js";

export default {
  id: "imgur",
  protocol: "oauth2",
  authorizationUrl: "https://api.imgur.com/oauth2/authorize",
  tokenUrl: "https://api.imgur.com/oauth2/token",
  apiBaseUrl: "https://api.imgur.com/3/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Refresh tokens do not expire; Imgur's docs have given access tokens 1 month, and later 1 hour." },
  docs: "https://api.imgur.com/oauth2",
} satisfies Contract;
