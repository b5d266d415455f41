import type { Contract } from "../contract.js";

export default {
  id: "surveymonkey",
  protocol: "oauth2",
  authorizationUrl: "https://api.surveymonkey.com/oauth/authorize",
  tokenUrl: "https://api.surveymonkey.com/oauth/token",
  apiBaseUrl: "https://api.surveymonkey.com/v3/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "unknown", notes: "Tokens are long-lived." },
  docs: "https://developer.surveymonkey.com/api/v3/",
} satisfies Contract;
