import type { Contract } from "../contract.js";

export default {
  id: "dexcom",
  protocol: "oauth2",
  authorizationUrl: "https://api.dexcom.com/v2/oauth2/login",
  tokenUrl: "https://api.dexcom.com/v2/oauth2/token",
  apiBaseUrl: "https://api.dexcom.com/",
  defaultScope: "offline_access",
  options: [[{ baseUrl: "https://sandbox-api.dexcom.com/" }, { scope: "offline_access" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
  docs: "https://developer.dexcom.com/docs/dexcom/authentication",
} satisfies Contract;
