import type { Contract } from "../contract.js";

export default {
  id: "clickup",
  protocol: "oauth2",
  authorizationUrl: "https://app.clickup.com/api",
  tokenUrl: "https://api.clickup.com/api/v2/oauth/token",
  apiBaseUrl: "https://api.clickup.com/api/v2/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens last until the user removes the app." },
  docs: "https://developer.clickup.com/docs/authentication",
} satisfies Contract;
