import type { Contract } from "../contract.js";

export default {
  id: "salesforce",
  protocol: "oidc",
  // Discovered from https://login.salesforce.com (Salesforce's web server flow documents these paths).
  authorizationUrl: "https://login.salesforce.com/services/oauth2/authorize",
  tokenUrl: "https://login.salesforce.com/services/oauth2/token",
  apiBaseUrl: "https://login.salesforce.com/",
  defaultScope: null,
  options: [
    [{}, { prompt: null, login_hint: null }],
    [{ repromptConsent: true, loginHint: "ada@acme.test" }, { prompt: "consent", login_hint: "ada@acme.test" }],
    [{ isSandbox: true }, {}],
    [{ hostname: "acme.my.salesforce.com", instanceUrl: "https://acme.my.salesforce.com" }, {}],
    [{ scope: ["api", "refresh_token"] }, { scope: "api refresh_token" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "with the refresh_token (or offline_access) scope",
    rotates: "no",
    expiresIn: "no",
    notes: "Access tokens live as long as the org's session timeout; API calls go to the token's instance_url.",
  },
  docs: "https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_oauth_web_server_flow.htm&language=en_US",
} satisfies Contract;
