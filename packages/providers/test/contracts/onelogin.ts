import type { Contract } from "../contract.js";

export default {
  id: "onelogin",
  protocol: "oidc",
  required: { subdomain: "acme" },
  // Discovered from the issuer https://acme.onelogin.com/oidc/2.
  authorizationUrl: "https://acme.onelogin.com/oidc/2/auth",
  tokenUrl: "https://acme.onelogin.com/oidc/2/token",
  apiBaseUrl: "https://acme.onelogin.com/oidc/2/",
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "groups"] }, { scope: "openid groups" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developers.onelogin.com/openid-connect",
} satisfies Contract;
