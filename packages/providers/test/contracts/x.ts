import type { Contract } from "../contract.js";

export default {
  id: "x",
  protocol: "oauth2",
  authorizationUrl: "https://x.com/i/oauth2/authorize",
  tokenUrl: "https://api.x.com/2/oauth2/token",
  apiBaseUrl: "https://api.x.com/2/",
  defaultScope: "users.read tweet.read",
  options: [[{ scope: ["users.read", "tweet.read", "offline.access"] }, { scope: "users.read tweet.read offline.access" }]],
  // X: confidential clients authenticate with HTTP Basic.
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline.access", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
  docs: "https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code",
} satisfies Contract;
