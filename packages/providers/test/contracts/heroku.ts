import type { Contract } from "../contract.js";

export default {
  id: "heroku",
  protocol: "oauth2",
  authorizationUrl: "https://id.heroku.com/oauth/authorize",
  tokenUrl: "https://id.heroku.com/oauth/token",
  apiBaseUrl: "https://api.heroku.com/",
  defaultScope: null,
  options: [
    [{ scope: ["identity"] }, { scope: "identity" }],
    [{ apiVersion: "3.sdk" }, {}],
  ],
  clientAuth: "client_secret_basic",
  apiHeaders: { accept: "application/vnd.heroku+json; version=3" },
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 8 hours; refresh tokens do not expire." },
  docs: "https://devcenter.heroku.com/articles/oauth",
} satisfies Contract;
