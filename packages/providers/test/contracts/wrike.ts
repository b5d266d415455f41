import type { Contract } from "../contract.js";

export default {
  id: "wrike",
  protocol: "oauth2",
  authorizationUrl: "https://login.wrike.com/oauth2/authorize/v4",
  tokenUrl: "https://login.wrike.com/oauth2/token",
  apiBaseUrl: "https://www.wrike.com/api/v4/",
  defaultScope: "wsReadOnly",
  // Wrike takes a comma-separated scope list.
  options: [[{ scope: ["wsReadOnly", "amReadOnlyUser"] }, { scope: "wsReadOnly,amReadOnlyUser" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh answers the account's `host` again." },
  docs: "https://developers.wrike.com/oauth-20-authorization",
} satisfies Contract;
