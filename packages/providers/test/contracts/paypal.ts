import type { Contract } from "../contract.js";

export default {
  id: "paypal",
  protocol: "oauth2",
  authorizationUrl: "https://www.paypal.com/signin/authorize",
  tokenUrl: "https://api-m.paypal.com/v1/oauth2/token",
  apiBaseUrl: "https://api-m.paypal.com/",
  defaultScope: "openid",
  options: [
    [{ sandbox: true }, {}],
    [{ scope: ["openid", "email"] }, { scope: "openid email" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developer.paypal.com/docs/log-in-with-paypal/integrate/",
} satisfies Contract;
