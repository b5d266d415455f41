import type { Contract } from "../contract.js";

export default {
  id: "calendly",
  protocol: "oauth2",
  authorizationUrl: "https://auth.calendly.com/oauth/authorize",
  tokenUrl: "https://auth.calendly.com/oauth/token",
  apiBaseUrl: "https://api.calendly.com/",
  defaultScope: null,
  options: [],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours; a refresh token works once and does not expire until used." },
  docs: "https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users",
} satisfies Contract;
