import type { Contract } from "../contract.js";

export default {
  id: "oura",
  protocol: "oauth2",
  authorizationUrl: "https://cloud.ouraring.com/oauth/authorize",
  tokenUrl: "https://api.ouraring.com/oauth/token",
  apiBaseUrl: "https://api.ouraring.com/v2/",
  defaultScope: "personal",
  options: [[{ scope: ["email", "personal", "daily"] }, { scope: "email personal daily" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about a day." },
  docs: "https://cloud.ouraring.com/docs/authentication",
} satisfies Contract;
