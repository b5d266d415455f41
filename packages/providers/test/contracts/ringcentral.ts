import type { Contract } from "../contract.js";

export default {
  id: "ringcentral",
  protocol: "oauth2",
  authorizationUrl: "https://platform.ringcentral.com/restapi/oauth/authorize",
  tokenUrl: "https://platform.ringcentral.com/restapi/oauth/token",
  apiBaseUrl: "https://platform.ringcentral.com/restapi/v1.0/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes (when the app issues them)", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens 7 days and are single-use." },
  docs: "https://developers.ringcentral.com/guide/authentication/auth-code-flow",
} satisfies Contract;
