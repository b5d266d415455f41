import type { Contract } from "../contract.js";

export default {
  id: "faceit",
  protocol: "oauth2",
  // FACEIT's authorization URL carries redirect_popup=true itself.
  authorizationUrl: "https://accounts.faceit.com/accounts?redirect_popup=true",
  tokenUrl: "https://api.faceit.com/auth/v1/oauth/token",
  apiBaseUrl: "https://api.faceit.com/auth/v1/",
  defaultScope: "openid profile email",
  options: [[{}, { redirect_popup: "true" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
  docs: "https://docs.faceit.com/getting-started/authentication/oauth2",
} satisfies Contract;
