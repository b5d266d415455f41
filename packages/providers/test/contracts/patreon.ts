import type { Contract } from "../contract.js";

export default {
  id: "patreon",
  protocol: "oauth2",
  authorizationUrl: "https://www.patreon.com/oauth2/authorize",
  tokenUrl: "https://www.patreon.com/api/oauth2/token",
  apiBaseUrl: "https://www.patreon.com/api/oauth2/v2/",
  defaultScope: "identity",
  options: [[{ scope: ["identity", "identity[email]"] }, { scope: "identity identity[email]" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "A refresh answers a new access and refresh token; access tokens live about a month." },
  docs: "https://docs.patreon.com/#oauth",
} satisfies Contract;
