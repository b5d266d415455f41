import type { Contract } from "../contract.js";

export default {
  id: "genius",
  protocol: "oauth2",
  authorizationUrl: "https://api.genius.com/oauth/authorize",
  tokenUrl: "https://api.genius.com/oauth/token",
  apiBaseUrl: "https://api.genius.com/",
  defaultScope: "me",
  options: [[{ scope: ["me", "vote"] }, { scope: "me vote" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Genius documents no token lifetime and no refresh tokens." },
  docs: "https://docs.genius.com/",
} satisfies Contract;
