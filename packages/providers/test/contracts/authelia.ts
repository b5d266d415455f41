import type { Contract } from "../contract.js";

export default {
  id: "authelia",
  protocol: "oidc",
  required: { host: "auth.example.com" },
  // Discovered from https://auth.example.com/.well-known/openid-configuration; these are Authelia's paths.
  authorizationUrl: "https://auth.example.com/api/oidc/authorization",
  tokenUrl: "https://auth.example.com/api/oidc/token",
  apiBaseUrl: null,
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "profile", "email", "groups"] }, { scope: "openid profile email groups" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access (and the refresh_token grant on the client)", rotates: "unknown", expiresIn: "yes" },
  docs: "https://www.authelia.com/integration/openid-connect/introduction/",
} satisfies Contract;
