import type { Contract } from "../contract.js";

export default {
  id: "donation-alerts",
  protocol: "oauth2",
  authorizationUrl: "https://www.donationalerts.com/oauth/authorize",
  tokenUrl: "https://www.donationalerts.com/oauth/token",
  apiBaseUrl: "https://www.donationalerts.com/api/v1/",
  defaultScope: "oauth-user-show",
  options: [[{ scope: ["oauth-user-show", "oauth-donation-index"] }, { scope: "oauth-user-show oauth-donation-index" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "A refresh asks for the scopes again." },
  docs: "https://www.donationalerts.com/apidoc",
} satisfies Contract;
