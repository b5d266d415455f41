import type { Contract } from "../contract.js";

export default {
  id: "whoop",
  protocol: "oauth2",
  authorizationUrl: "https://api.prod.whoop.com/oauth/oauth2/auth",
  tokenUrl: "https://api.prod.whoop.com/oauth/oauth2/token",
  apiBaseUrl: "https://api.prod.whoop.com/developer/",
  defaultScope: "read:profile",
  options: [[{ scope: ["read:profile", "offline"] }, { scope: "read:profile offline" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with the offline scope", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh asks for scope=offline and returns a new refresh token." },
  docs: "https://developer.whoop.com/docs/developing/oauth",
} satisfies Contract;
