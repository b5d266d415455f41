import type { Contract } from "../contract.js";

export default {
  id: "constant-contact",
  protocol: "oauth2",
  authorizationUrl: "https://authz.constantcontact.com/oauth2/default/v1/authorize",
  tokenUrl: "https://authz.constantcontact.com/oauth2/default/v1/token",
  apiBaseUrl: "https://api.cc.email/v3/",
  defaultScope: "account_read",
  options: [[{ scope: ["account_read", "contact_data", "offline_access"] }, { scope: "account_read contact_data offline_access" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes", notes: "Long-lived or rotating refresh tokens are an app setting; access tokens are JWTs." },
  docs: "https://developer.constantcontact.com/api_guide/server_flow.html",
} satisfies Contract;
