import type { Contract } from "../contract.js";

export default {
  id: "microsoft-entra-id",
  protocol: "oidc",
  authorizationUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  apiBaseUrl: "https://graph.microsoft.com/v1.0/",
  defaultScope: "openid profile email User.Read",
  options: [
    [{}, { prompt: null, domain_hint: null, login_hint: null }],
    [{ prompt: "select_account", domainHint: "contoso.com", loginHint: "ada@contoso.com" }, { prompt: "select_account", domain_hint: "contoso.com", login_hint: "ada@contoso.com" }],
    [{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60–90 minutes; refresh tokens 90 days." },
  docs: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow",
} satisfies Contract;
