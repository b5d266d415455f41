import type { Contract } from "../contract.js";

export default {
  id: "okta",
  protocol: "oidc",
  required: { domain: "dev-123456.okta.com" },
  // Discovered: the contract checks the issuer's metadata through the fake.
  authorizationUrl: "https://dev-123456.okta.com/oauth2/v1/authorize",
  tokenUrl: "https://dev-123456.okta.com/oauth2/v1/token",
  apiBaseUrl: "https://dev-123456.okta.com/oauth2/v1/",
  defaultScope: "openid profile email",
  options: [
    [{ prompt: "login", loginHint: "ada", idp: "0oa1" }, { prompt: "login", login_hint: "ada", idp: "0oa1" }],
    [{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access (and the Refresh Token grant enabled for the app)", rotates: "unknown", expiresIn: "yes", notes: "Rotation is an app setting (rotate or persistent); access tokens live 1 hour by default." },
  docs: "https://developer.okta.com/docs/concepts/auth-servers",
} satisfies Contract;
