import type { Contract } from "../contract.js";

export default {
  id: "baidu",
  protocol: "oauth2",
  authorizationUrl: "https://openapi.baidu.com/oauth/2.0/authorize",
  tokenUrl: "https://openapi.baidu.com/oauth/2.0/token",
  apiBaseUrl: "https://openapi.baidu.com/rest/2.0/",
  defaultScope: "basic",
  options: [
    [{}, { display: null }],
    [{ display: "mobile", scope: ["basic", "netdisk"] }, { display: "mobile", scope: "basic netdisk" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 30 days, refresh tokens 10 years." },
  docs: "https://openauth.baidu.com/doc/doc.html",
} satisfies Contract;
