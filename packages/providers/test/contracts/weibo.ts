import type { Contract } from "../contract.js";

export default {
  id: "weibo",
  protocol: "oauth2",
  authorizationUrl: "https://api.weibo.com/oauth2/authorize",
  tokenUrl: "https://api.weibo.com/oauth2/access_token",
  apiBaseUrl: "https://api.weibo.com/2/",
  defaultScope: null,
  options: [
    [{}, { display: null, forcelogin: null, language: null }],
    [{ display: "mobile", forceLogin: true, language: "en" }, { display: "mobile", forcelogin: "true", language: "en" }],
    // Comma-separated, as Weibo documents.
    [{ scope: ["email", "direct_messages_read"] }, { scope: "email,direct_messages_read" }],
  ],
  clientAuth: "client_secret_post",
  // Weibo documents `Authorization: OAuth2 <token>`.
  tokenScheme: "OAuth2",
  refresh: { refreshTokens: "no (web apps)", rotates: "no", expiresIn: "yes", notes: "The lifetime depends on the app's review level; the user authorizes again after it." },
  docs: "https://open.weibo.com/wiki/Oauth2/authorize",
} satisfies Contract;
