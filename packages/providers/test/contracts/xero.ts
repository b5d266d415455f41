import type { Contract } from "../contract.js";

export default {
  id: "xero",
  protocol: "oidc",
  authorizationUrl: "https://login.xero.com/identity/connect/authorize",
  tokenUrl: "https://identity.xero.com/connect/token",
  apiBaseUrl: "https://api.xero.com/",
  defaultScope: "openid profile email",
  options: [
    [{ tenantId: "70784a63-d24b-46a9-a4db-0e70a274b056" }, {}],
    [{ scope: ["openid", "profile", "email", "offline_access"] }, { scope: "openid profile email offline_access" }],
  ],
  clientAuth: "client_secret_basic",
  // Without it the Accounting API answers XML.
  apiHeaders: { accept: "application/json" },
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 30 minutes; refresh tokens about 60 days." },
  docs: "https://developer.xero.com/documentation/guides/oauth2/auth-flow",
} satisfies Contract;
