import type { Contract } from "../contract.js";

export default {
  id: "codeberg",
  protocol: "oauth2",
  authorizationUrl: "https://codeberg.org/login/oauth/authorize",
  tokenUrl: "https://codeberg.org/login/oauth/access_token",
  apiBaseUrl: "https://codeberg.org/api/v1/",
  defaultScope: null,
  options: [[{ scope: ["read:repository"] }, { scope: "read:repository" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Whether a used refresh token stays valid is an instance setting." },
  docs: "https://forgejo.org/docs/latest/user/oauth2-provider",
} satisfies Contract;
