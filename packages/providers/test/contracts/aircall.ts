import type { Contract } from "../contract.js";

export default {
  id: "aircall",
  protocol: "oauth2",
  authorizationUrl: "https://dashboard.aircall.io/oauth/authorize",
  tokenUrl: "https://api.aircall.io/v1/oauth/token",
  apiBaseUrl: "https://api.aircall.io/v1/",
  defaultScope: "public_api",
  options: [[{}, { scope: "public_api" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "The access token is permanent." },
  docs: "https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works",
} satisfies Contract;
