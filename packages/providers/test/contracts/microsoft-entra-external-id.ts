import type { Contract } from "../contract.js";

export default {
  id: "microsoft-entra-external-id",
  protocol: "oidc",
  required: { tenantId: "7d3b9f7e-0000-4000-8000-000000000001", subdomain: "contoso" },
  authorizationUrl: "https://contoso.ciamlogin.com/7d3b9f7e-0000-4000-8000-000000000001/oauth2/v2.0/authorize",
  tokenUrl: "https://contoso.ciamlogin.com/7d3b9f7e-0000-4000-8000-000000000001/oauth2/v2.0/token",
  apiBaseUrl: "https://graph.microsoft.com/v1.0/",
  defaultScope: "openid profile email",
  options: [
    [{}, { prompt: null, login_hint: null }],
    [{ prompt: "select_account", loginHint: "ada@example.com" }, { prompt: "select_account", login_hint: "ada@example.com" }],
    [{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes" },
  docs: "https://learn.microsoft.com/en-us/entra/external-id/customers/overview-customers-ciam",
} satisfies Contract;
