import type { Contract } from "../contract.js";

export default {
  id: "miro",
  protocol: "oauth2",
  authorizationUrl: "https://miro.com/oauth/authorize",
  tokenUrl: "https://api.miro.com/v1/oauth/token",
  apiBaseUrl: "https://api.miro.com/",
  defaultScope: null,
  options: [
    [{}, { team_id: null }],
    [{ teamId: "3074457350000000000" }, { team_id: "3074457350000000000" }],
  ],
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "apps created with expiring tokens",
    rotates: "yes",
    expiresIn: "apps created with expiring tokens",
    notes: "Expiring tokens live 1 hour, refresh tokens 60 days. Other apps' tokens never expire; an app cannot switch afterwards.",
  },
  docs: "https://developers.miro.com/docs/getting-started-with-oauth",
} satisfies Contract;
