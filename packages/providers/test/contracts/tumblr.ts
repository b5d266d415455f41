import type { Contract } from "../contract.js";

export default {
  id: "tumblr",
  protocol: "oauth2",
  authorizationUrl: "https://www.tumblr.com/oauth2/authorize",
  tokenUrl: "https://api.tumblr.com/v2/oauth2/token",
  apiBaseUrl: "https://api.tumblr.com/v2/",
  defaultScope: "basic",
  options: [[{ scope: ["basic", "write", "offline_access"] }, { scope: "basic write offline_access" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes" },
  docs: "https://www.tumblr.com/docs/en/api/v2#oauth2-authorization",
} satisfies Contract;
