import type { Contract } from "../contract.js";

export default {
  id: "hubspot",
  protocol: "oauth2",
  authorizationUrl: "https://app.hubspot.com/oauth/authorize",
  // v3: the v1 token endpoint is sunset on 2027-02-16.
  tokenUrl: "https://api.hubapi.com/oauth/v3/token",
  apiBaseUrl: "https://api.hubapi.com/",
  defaultScope: "oauth",
  options: [
    [{}, { optional_scope: null }],
    [{ optionalScope: ["crm.objects.contacts.read", "crm.objects.deals.read"] }, { optional_scope: "crm.objects.contacts.read crm.objects.deals.read" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 30 minutes; refresh tokens are long-lived." },
  docs: "https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide",
} satisfies Contract;
