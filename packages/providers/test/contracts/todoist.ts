import type { Contract } from "../contract.js";

export default {
  id: "todoist",
  protocol: "oauth2",
  authorizationUrl: "https://app.todoist.com/oauth/authorize",
  tokenUrl: "https://api.todoist.com/oauth/access_token",
  apiBaseUrl: "https://api.todoist.com/api/v1/",
  defaultScope: "data:read",
  // Todoist joins scopes with commas.
  options: [[{ scope: ["data:read", "task:add"] }, { scope: "data:read,task:add" }]],
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "apps with refresh tokens enabled (the default for new apps)",
    rotates: "yes",
    expiresIn: "apps with refresh tokens enabled",
    notes: "Apps without refresh tokens get long-lived tokens.",
  },
  docs: "https://developer.todoist.com/api/v1/#tag/Authorization/OAuth",
} satisfies Contract;
