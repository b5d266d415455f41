import type { Contract } from "../contract.js";

export default {
  id: "shikimori",
  protocol: "oauth2",
  required: { appName: "Dance Contract App" },
  authorizationUrl: "https://shikimori.one/oauth/authorize",
  tokenUrl: "https://shikimori.one/oauth/token",
  apiBaseUrl: "https://shikimori.one/api/",
  defaultScope: null,
  options: [
    [{ hostname: "shikimori.example" }, {}],
    [{ scope: ["user_rates", "comments"] }, { scope: "user_rates comments" }],
  ],
  clientAuth: "client_secret_post",
  apiHeaders: { "user-agent": "Dance Contract App" },
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 day." },
  docs: "https://shikimori.one/oauth",
} satisfies Contract;
