import type { Contract } from "../contract.js";

export default {
  id: "intuit",
  protocol: "oidc",
  authorizationUrl: "https://appcenter.intuit.com/connect/oauth2",
  tokenUrl: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  apiBaseUrl: "https://quickbooks.api.intuit.com/v3/",
  defaultScope: "openid",
  options: [
    [{ sandbox: true }, {}],
    [{ scope: ["openid", "email", "com.intuit.quickbooks.accounting"] }, { scope: "openid email com.intuit.quickbooks.accounting" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens about 100 days (x_refresh_token_expires_in)." },
  docs: "https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0",
} satisfies Contract;
