import type { Contract } from "../contract.js";

export default {
  id: "webflow",
  protocol: "oauth2",
  authorizationUrl: "https://webflow.com/oauth/authorize",
  tokenUrl: "https://api.webflow.com/oauth/access_token",
  apiBaseUrl: "https://api.webflow.com/v2/",
  defaultScope: "authorized_user:read",
  options: [[{ scope: ["authorized_user:read", "sites:read"] }, { scope: "authorized_user:read sites:read" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens last until the user revokes the app." },
  docs: "https://developers.webflow.com/data/reference/oauth-app",
} satisfies Contract;
