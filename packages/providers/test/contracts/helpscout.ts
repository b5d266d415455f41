import type { Contract } from "../contract.js";

export default {
  id: "helpscout",
  protocol: "oauth2",
  authorizationUrl: "https://secure.helpscout.net/authentication/authorizeClientApplication",
  tokenUrl: "https://api.helpscout.net/v2/oauth2/token",
  apiBaseUrl: "https://api.helpscout.net/v2/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developer.helpscout.com/mailbox-api/overview/authentication/",
} satisfies Contract;
