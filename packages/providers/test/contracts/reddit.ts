import type { Contract } from "../contract.js";

export default {
  id: "reddit",
  protocol: "oauth2",
  authorizationUrl: "https://www.reddit.com/api/v1/authorize",
  tokenUrl: "https://www.reddit.com/api/v1/access_token",
  apiBaseUrl: "https://oauth.reddit.com/",
  defaultScope: "identity",
  options: [
    [{}, { duration: null }],
    [{ permanent: true }, { duration: "permanent" }],
  ],
  clientAuth: "client_secret_basic",
  apiHeaders: { "user-agent": "Dance" },
  refresh: { refreshTokens: "with duration=permanent", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour." },
  docs: "https://github.com/reddit-archive/reddit/wiki/oauth2",
} satisfies Contract;
