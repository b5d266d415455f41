import type { Contract } from "../contract.js";

export default {
  id: "descope",
  protocol: "oidc",
  required: { projectId: "P2abcDEF123" },
  // Discovered from the issuer https://api.descope.com/P2abcDEF123; the endpoints are shared.
  authorizationUrl: "https://api.descope.com/oauth2/v1/authorize",
  tokenUrl: "https://api.descope.com/oauth2/v1/token",
  apiBaseUrl: "https://api.descope.com/oauth2/v1/",
  defaultScope: "openid profile email",
  options: [[{ baseUrl: "https://auth.example.com" }, {}]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
  docs: "https://docs.descope.com/getting-started/oidc-endpoints",
} satisfies Contract;
