import type { Contract } from "../contract.js";

export default {
  id: "vimeo",
  protocol: "oauth2",
  authorizationUrl: "https://api.vimeo.com/oauth/authorize",
  tokenUrl: "https://api.vimeo.com/oauth/access_token",
  apiBaseUrl: "https://api.vimeo.com/",
  defaultScope: "public",
  options: [[{ scope: ["public", "private"] }, { scope: "public private" }]],
  clientAuth: "client_secret_basic",
  apiHeaders: { accept: "application/vnd.vimeo.*+json;version=3.4" },
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire; DELETE /tokens revokes one." },
  docs: "https://developer.vimeo.com/api/authentication",
} satisfies Contract;
