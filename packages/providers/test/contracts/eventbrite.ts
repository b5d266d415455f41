import type { Contract } from "../contract.js";

export default {
  id: "eventbrite",
  protocol: "oauth2",
  authorizationUrl: "https://www.eventbrite.com/oauth/authorize",
  tokenUrl: "https://www.eventbrite.com/oauth/token",
  apiBaseUrl: "https://www.eventbriteapi.com/v3/",
  defaultScope: null,
  options: [],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens are long-lived." },
  docs: "https://www.eventbrite.com/platform/api#/introduction/authentication",
} satisfies Contract;
