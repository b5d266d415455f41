import type { Contract } from "../contract.js";

export default {
  id: "netlify",
  protocol: "oauth2",
  authorizationUrl: "https://app.netlify.com/authorize",
  tokenUrl: "https://api.netlify.com/oauth/token",
  apiBaseUrl: "https://api.netlify.com/api/v1/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "not documented", rotates: "unknown", expiresIn: "not documented", notes: "Tokens last until the user revokes the application." },
  docs: "https://www.netlify.com/blog/2016/10/10/integrating-with-netlify-oauth2/",
} satisfies Contract;
