import type { Contract } from "../contract.js";

export default {
  id: "webex",
  protocol: "oauth2",
  authorizationUrl: "https://webexapis.com/v1/authorize",
  tokenUrl: "https://webexapis.com/v1/access_token",
  apiBaseUrl: "https://webexapis.com/v1/",
  defaultScope: "spark:people_read",
  options: [[{ scope: ["spark:people_read", "spark:kms"] }, { scope: "spark:people_read spark:kms" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "The answer also carries refresh_token_expires_in." },
  docs: "https://developer.webex.com/docs/integrations",
} satisfies Contract;
