import type { Contract } from "../contract.js";

export default {
  id: "amazon",
  protocol: "oauth2",
  authorizationUrl: "https://www.amazon.com/ap/oa",
  tokenUrl: "https://api.amazon.com/auth/o2/token",
  apiBaseUrl: "https://api.amazon.com/",
  defaultScope: "profile:user_id",
  options: [[{ scope: ["profile", "postal_code"] }, { scope: "profile postal_code" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour; the refresh token gives indefinite access." },
  docs: "https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html",
} satisfies Contract;
