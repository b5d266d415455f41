import type { Contract } from "../contract.js";

export default {
  id: "sage",
  protocol: "oauth2",
  // Sage's v3.1 authorization URL carries filter=apiv3.1 itself.
  authorizationUrl: "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1",
  tokenUrl: "https://oauth.accounting.sage.com/token",
  apiBaseUrl: "https://api.accounting.sage.com/v3.1/",
  defaultScope: "readonly",
  options: [
    [{}, { filter: "apiv3.1", country: null }],
    [{ country: "gb", scope: ["full_access"] }, { filter: "apiv3.1", country: "gb", scope: "full_access" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 5 minutes; each refresh token works once and lives 31 days." },
  docs: "https://developer.sage.com/accounting/guides/authenticating/authentication",
} satisfies Contract;
