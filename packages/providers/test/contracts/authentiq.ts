import type { Contract } from "../contract.js";

export default {
  id: "authentiq",
  protocol: "oidc",
  // Discovered from https://connect.authentiq.io/ (Authentiq's OpenAPI document lists these paths).
  authorizationUrl: "https://connect.authentiq.io/authorize",
  tokenUrl: "https://connect.authentiq.io/token",
  apiBaseUrl: "https://connect.authentiq.io/",
  defaultScope: "openid profile",
  options: [
    [{ hostname: "id.example.com" }, {}],
    [{ scope: ["openid", "email"] }, { scope: "openid email" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "unknown", notes: "Authentiq does not document its token lifetimes." },
  docs: "https://developers.authentiq.com/",
} satisfies Contract;
