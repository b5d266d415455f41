import type { Contract } from "../contract.js";

export default {
  id: "mailru",
  protocol: "oauth2",
  authorizationUrl: "https://oauth.mail.ru/login",
  tokenUrl: "https://oauth.mail.ru/token",
  apiBaseUrl: "https://oauth.mail.ru/",
  defaultScope: "userinfo",
  options: [[{ scope: ["userinfo", "mail.imap"] }, { scope: "userinfo mail.imap" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Newer apps are reported to get a refresh token only with offline_access and prompt=consent." },
  docs: "https://biz.mail.ru/developer/oauth.html",
} satisfies Contract;
