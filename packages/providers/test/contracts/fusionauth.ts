import type { Contract } from "../contract.js";

export default {
  id: "fusionauth",
  protocol: "oidc",
  required: { baseUrl: "https://auth.example.com" },
  authorizationUrl: "https://auth.example.com/oauth2/authorize",
  tokenUrl: "https://auth.example.com/oauth2/token",
  apiBaseUrl: "https://auth.example.com/oauth2/",
  defaultScope: "openid profile email",
  options: [
    [{}, { tenantId: null, idp_hint: null, login_hint: null }],
    [{ tenantId: "5f3b1a2c", idpHint: "82339786", loginHint: "ada@example.com" }, { tenantId: "5f3b1a2c", idp_hint: "82339786", login_hint: "ada@example.com" }],
    [{ issuer: "https://login.example.com" }, {}],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access (and refresh tokens enabled for the application)", rotates: "unknown", expiresIn: "yes" },
  docs: "https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/",
} satisfies Contract;
