import type { Contract } from "../contract.js";

export default {
  id: "logto",
  protocol: "oidc",
  required: { endpoint: "https://abc123.logto.app" },
  // Discovered from the issuer https://abc123.logto.app/oidc.
  authorizationUrl: "https://abc123.logto.app/oidc/auth",
  tokenUrl: "https://abc123.logto.app/oidc/token",
  apiBaseUrl: "https://abc123.logto.app/oidc/",
  defaultScope: "openid profile email",
  options: [
    [{}, { resource: null, prompt: null }],
    // Logto (node-oidc-provider) only honours offline_access with prompt=consent.
    [{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access", prompt: "consent" }],
    [{ scope: ["openid", "offline_access"], prompt: "login", resource: "https://api.example.com" }, { prompt: "login", resource: "https://api.example.com" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access and prompt=consent", rotates: "unknown", expiresIn: "yes" },
  docs: "https://docs.logto.io/integrate-logto/integrate-logto-into-your-application",
} satisfies Contract;
