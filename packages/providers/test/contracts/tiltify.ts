import type { Contract } from "../contract.js";

export default {
  id: "tiltify",
  protocol: "oauth2",
  authorizationUrl: "https://v5api.tiltify.com/oauth/authorize",
  tokenUrl: "https://v5api.tiltify.com/oauth/token",
  apiBaseUrl: "https://v5api.tiltify.com/api/",
  defaultScope: "public",
  options: [[{ scope: ["public", "read"] }, { scope: "public read" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developers.tiltify.com/api-reference/public",
} satisfies Contract;
