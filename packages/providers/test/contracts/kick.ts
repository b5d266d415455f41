import type { Contract } from "../contract.js";

export default {
  id: "kick",
  protocol: "oauth2",
  authorizationUrl: "https://id.kick.com/oauth/authorize",
  tokenUrl: "https://id.kick.com/oauth/token",
  apiBaseUrl: "https://api.kick.com/public/v1/",
  defaultScope: "user:read",
  options: [[{ scope: ["user:read", "channel:read"] }, { scope: "user:read channel:read" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://docs.kick.com/getting-started/generating-tokens-oauth2-flow",
} satisfies Contract;
