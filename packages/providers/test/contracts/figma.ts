import type { Contract } from "../contract.js";

export default {
  id: "figma",
  protocol: "oauth2",
  authorizationUrl: "https://www.figma.com/oauth",
  tokenUrl: "https://api.figma.com/v1/oauth/token",
  apiBaseUrl: "https://api.figma.com/v1/",
  defaultScope: "current_user:read",
  options: [[{ scope: ["current_user:read", "file_content:read"] }, { scope: "current_user:read file_content:read" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "A refresh (at /v1/oauth/refresh) answers a new access token only; the refresh token stays." },
  docs: "https://developers.figma.com/docs/rest-api/authentication",
} satisfies Contract;
