import type { Contract } from "../contract.js";

export default {
  id: "zoom",
  protocol: "oauth2",
  authorizationUrl: "https://zoom.us/oauth/authorize",
  tokenUrl: "https://zoom.us/oauth/token",
  apiBaseUrl: "https://api.zoom.us/v2/",
  defaultScope: null,
  options: [[{ scope: ["user:read:user"] }, { scope: "user:read:user" }]],
  // Zoom documents HTTP Basic (Better Auth posts the credentials instead).
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour." },
  docs: "https://developers.zoom.us/docs/integrations/oauth/",
} satisfies Contract;
