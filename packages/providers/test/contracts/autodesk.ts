import type { Contract } from "../contract.js";

export default {
  id: "autodesk",
  protocol: "oauth2",
  authorizationUrl: "https://developer.api.autodesk.com/authentication/v2/authorize",
  tokenUrl: "https://developer.api.autodesk.com/authentication/v2/token",
  apiBaseUrl: "https://developer.api.autodesk.com/",
  defaultScope: "user-profile:read",
  options: [[{ scope: ["user-profile:read", "data:read"] }, { scope: "user-profile:read data:read" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh token (about 15 days) is spent by its use." },
  docs: "https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/overview/",
} satisfies Contract;
