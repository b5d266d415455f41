import type { Contract } from "../contract.js";

export default {
  id: "yahoo",
  protocol: "oidc",
  authorizationUrl: "https://api.login.yahoo.com/oauth2/request_auth",
  tokenUrl: "https://api.login.yahoo.com/oauth2/get_token",
  apiBaseUrl: "https://api.login.yahoo.com/",
  defaultScope: "openid",
  options: [[{ scope: ["openid", "profile", "email"] }, { scope: "openid profile email" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour." },
  docs: "https://developer.yahoo.com/oauth2/guide/openid_connect/",
} satisfies Contract;
