import type { Contract } from "../contract.js";

export default {
  id: "canva",
  protocol: "oauth2",
  authorizationUrl: "https://www.canva.com/api/oauth/authorize",
  tokenUrl: "https://api.canva.com/rest/v1/oauth/token",
  apiBaseUrl: "https://api.canva.com/rest/v1/",
  defaultScope: "profile:read",
  options: [[{ scope: ["profile:read", "design:meta:read"] }, { scope: "profile:read design:meta:read" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 4 hours; each refresh returns a new refresh token." },
  docs: "https://www.canva.dev/docs/connect/authentication/",
} satisfies Contract;
