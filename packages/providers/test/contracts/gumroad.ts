import type { Contract } from "../contract.js";

export default {
  id: "gumroad",
  protocol: "oauth2",
  authorizationUrl: "https://gumroad.com/oauth/authorize",
  tokenUrl: "https://api.gumroad.com/oauth/token",
  apiBaseUrl: "https://api.gumroad.com/v2/",
  defaultScope: "view_profile",
  options: [[{ scope: ["view_profile", "view_sales"] }, { scope: "view_profile view_sales" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "unknown", notes: "Gumroad does not document token lifetimes; its tokens have been long-lived." },
  docs: "https://app.gumroad.com/api",
} satisfies Contract;
