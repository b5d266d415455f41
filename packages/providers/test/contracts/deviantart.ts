import type { Contract } from "../contract.js";

export default {
  id: "deviantart",
  protocol: "oauth2",
  authorizationUrl: "https://www.deviantart.com/oauth2/authorize",
  tokenUrl: "https://www.deviantart.com/oauth2/token",
  apiBaseUrl: "https://www.deviantart.com/api/v1/oauth2/",
  defaultScope: "user",
  options: [[{ scope: ["user", "browse"] }, { scope: "user browse" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour, refresh tokens 3 months." },
  docs: "https://www.deviantart.com/developers/authentication",
} satisfies Contract;
