import type { Contract } from "../contract.js";

export default {
  id: "azure",
  protocol: "oidc",
  authorizationUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  apiBaseUrl: "https://graph.microsoft.com/v1.0/",
  defaultScope: "openid email profile User.Read",
  options: [
    [{}, { prompt: null, domain_hint: null, login_hint: null }],
    [{ prompt: "login", domainHint: "contoso.com", loginHint: "ada@contoso.com" }, { prompt: "login", domain_hint: "contoso.com", login_hint: "ada@contoso.com" }],
    [{ tenant: "organizations" }, {}],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60–90 minutes; refresh tokens 90 days." },
  docs: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow",
} satisfies Contract;
