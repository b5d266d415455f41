import type { Contract } from "../contract.js";

export default {
  id: "wahoo",
  protocol: "oauth2",
  authorizationUrl: "https://api.wahooligan.com/oauth/authorize",
  tokenUrl: "https://api.wahooligan.com/oauth/token",
  apiBaseUrl: "https://api.wahooligan.com/v1/",
  defaultScope: "user_read",
  options: [[{ scope: ["user_read", "workouts_read"] }, { scope: "user_read workouts_read" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
  docs: "https://cloud-api.wahooligan.com/",
} satisfies Contract;
