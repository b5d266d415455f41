import type { Contract } from "../contract.js";

export default {
  id: "jumpcloud",
  protocol: "oidc",
  authorizationUrl: "https://oauth.id.jumpcloud.com/oauth2/auth",
  tokenUrl: "https://oauth.id.jumpcloud.com/oauth2/token",
  apiBaseUrl: null,
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "email"] }, { scope: "openid email" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with the Refresh Token grant enabled on the app", rotates: "unknown", expiresIn: "yes" },
  docs: "https://jumpcloud.com/support/sso-with-oidc",
} satisfies Contract;
