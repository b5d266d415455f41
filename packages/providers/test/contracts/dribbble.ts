import type { Contract } from "../contract.js";

export default {
  id: "dribbble",
  protocol: "oauth2",
  authorizationUrl: "https://dribbble.com/oauth/authorize",
  tokenUrl: "https://dribbble.com/oauth/token",
  apiBaseUrl: "https://api.dribbble.com/v2/",
  defaultScope: "public",
  options: [[{ scope: ["public", "upload"] }, { scope: "public upload" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire." },
  docs: "https://developer.dribbble.com/v2/oauth/",
} satisfies Contract;
