import type { Contract } from "../contract.js";

export default {
  id: "casdoor",
  protocol: "oidc",
  required: { endpoint: "https://door.casdoor.com" },
  // Discovered from the issuer https://door.casdoor.com.
  authorizationUrl: "https://door.casdoor.com/login/oauth/authorize",
  tokenUrl: "https://door.casdoor.com/api/login/oauth/access_token",
  apiBaseUrl: "https://door.casdoor.com/api/",
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "email"] }, { scope: "openid email" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://casdoor.org/docs/how-to-connect/oidc-client",
} satisfies Contract;
