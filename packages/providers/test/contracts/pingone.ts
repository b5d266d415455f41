import type { Contract } from "../contract.js";

export default {
  id: "pingone",
  protocol: "oidc",
  required: { environmentId: "a1b2c3d4-0000-4000-8000-000000000001" },
  // Discovered from the issuer https://auth.pingone.com/{environmentId}/as.
  authorizationUrl: "https://auth.pingone.com/a1b2c3d4-0000-4000-8000-000000000001/as/authorize",
  tokenUrl: "https://auth.pingone.com/a1b2c3d4-0000-4000-8000-000000000001/as/token",
  apiBaseUrl: "https://auth.pingone.com/a1b2c3d4-0000-4000-8000-000000000001/as/",
  defaultScope: "openid profile email",
  options: [
    [{}, { acr_values: null, prompt: null, login_hint: null, max_age: null }],
    [{ acrValues: "Single_Factor", prompt: "login", loginHint: "ada", maxAge: 300 }, { acr_values: "Single_Factor", prompt: "login", login_hint: "ada", max_age: "300" }],
    [{ region: "eu" }, {}],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "when the refresh_token grant is enabled for the application", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2.html",
} satisfies Contract;
