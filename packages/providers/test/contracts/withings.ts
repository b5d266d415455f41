import type { Contract } from "../contract.js";

export default {
  id: "withings",
  protocol: "oauth2",
  authorizationUrl: "https://account.withings.com/oauth2_user/authorize2",
  tokenUrl: "https://wbsapi.withings.net/v2/oauth2",
  apiBaseUrl: "https://wbsapi.withings.net/",
  defaultScope: "user.info",
  // Withings documents the scope list comma-separated.
  options: [[{ scope: ["user.info", "user.metrics"] }, { scope: "user.info,user.metrics" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 3 hours; each refresh returns a new refresh token that replaces the old one." },
  docs: "https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-web-flow",
} satisfies Contract;
