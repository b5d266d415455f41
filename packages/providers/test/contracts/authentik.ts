import type { Contract } from "../contract.js";

export default {
  id: "authentik",
  protocol: "oidc",
  required: { host: "authentik.example.com", slug: "my-app" },
  // Discovered from the issuer https://authentik.example.com/application/o/my-app/ (every path ends with a slash).
  authorizationUrl: "https://authentik.example.com/application/o/authorize/",
  tokenUrl: "https://authentik.example.com/application/o/token/",
  apiBaseUrl: "https://authentik.example.com/application/o/",
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Token lifetimes are set per provider." },
  docs: "https://docs.goauthentik.io/providers/oauth2/",
} satisfies Contract;
