import type { Contract } from "../contract.js";

export default {
  id: "unsplash",
  protocol: "oauth2",
  authorizationUrl: "https://unsplash.com/oauth/authorize",
  tokenUrl: "https://unsplash.com/oauth/token",
  apiBaseUrl: "https://api.unsplash.com/",
  // Unsplash documents a +-separated list: the form encoding of spaces.
  defaultScope: "public read_user",
  options: [[{ scope: ["public", "read_user", "write_likes"] }, { scope: "public read_user write_likes" }]],
  clientAuth: "client_secret_post",
  apiHeaders: { "accept-version": "v1" },
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire." },
  docs: "https://unsplash.com/documentation/user-authentication-workflow",
} satisfies Contract;
