import type { Contract } from "../contract.js";

export default {
  id: "zoho",
  protocol: "oauth2",
  authorizationUrl: "https://accounts.zoho.com/oauth/v2/auth",
  tokenUrl: "https://accounts.zoho.com/oauth/v2/token",
  apiBaseUrl: "https://www.zohoapis.com/",
  defaultScope: "ZohoCRM.users.all",
  options: [
    // Flask-Dance always sends access_type.
    [{}, { access_type: "online", prompt: null }],
    [{ offline: true, repromptConsent: true }, { access_type: "offline", prompt: "consent" }],
    // Zoho documents comma-separated scopes.
    [{ scope: ["ZohoCRM.users.READ", "AaaServer.profile.Read"] }, { scope: "ZohoCRM.users.READ,AaaServer.profile.Read" }],
    [{ accountsServer: "accounts.zoho.eu", apiDomain: "https://www.zohoapis.eu" }, { access_type: "online" }],
  ],
  clientAuth: "client_secret_basic",
  tokenScheme: "Zoho-oauthtoken",
  refresh: {
    refreshTokens: "with access_type=offline (offline: true), on the first consent",
    rotates: "no",
    expiresIn: "yes",
    notes: "Access tokens live 1 hour; Zoho keeps a limited number of refresh tokens per user and app.",
  },
  docs: "https://www.zoho.com/accounts/protocol/oauth/web-server-applications.html",
} satisfies Contract;
