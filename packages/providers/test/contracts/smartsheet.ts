import type { Contract } from "../contract.js";

export default {
  id: "smartsheet",
  protocol: "oauth2",
  authorizationUrl: "https://app.smartsheet.com/b/authorize",
  tokenUrl: "https://api.smartsheet.com/2.0/token",
  apiBaseUrl: "https://api.smartsheet.com/2.0/",
  defaultScope: "READ_USERS",
  options: [[{ scope: ["READ_USERS", "READ_SHEETS"] }, { scope: "READ_USERS READ_SHEETS" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "A refresh returns a new access token and refresh token." },
  docs: "https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth",
} satisfies Contract;
