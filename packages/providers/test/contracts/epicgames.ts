import type { Contract } from "../contract.js";

export default {
  id: "epicgames",
  protocol: "oauth2",
  authorizationUrl: "https://www.epicgames.com/id/authorize",
  tokenUrl: "https://api.epicgames.dev/epic/oauth/v2/token",
  apiBaseUrl: "https://api.epicgames.dev/epic/oauth/v2/",
  defaultScope: "basic_profile",
  options: [[{ scope: ["basic_profile", "friends_list"] }, { scope: "basic_profile friends_list" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about 2 hours; the refresh token's expiry comes as refresh_expires / refresh_expires_at." },
  docs: "https://dev.epicgames.com/docs/web-api-ref/authentication",
} satisfies Contract;
