import type { Contract } from "../contract.js";

export default {
  id: "clerk",
  protocol: "oidc",
  required: { domain: "clerk.example.com" },
  // Discovered from the issuer https://clerk.example.com.
  authorizationUrl: "https://clerk.example.com/oauth/authorize",
  tokenUrl: "https://clerk.example.com/oauth/token",
  apiBaseUrl: "https://clerk.example.com/oauth/",
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "email", "offline_access"] }, { scope: "openid email offline_access" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes" },
  docs: "https://clerk.com/docs/oauth/single-sign-on",
} satisfies Contract;
