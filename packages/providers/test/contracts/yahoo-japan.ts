import type { Contract } from "../contract.js";

export default {
  id: "yahoo-japan",
  protocol: "oidc",
  authorizationUrl: "https://auth.login.yahoo.co.jp/yconnect/v2/authorization",
  tokenUrl: "https://auth.login.yahoo.co.jp/yconnect/v2/token",
  apiBaseUrl: "https://userinfo.yahooapis.jp/yconnect/v2/",
  defaultScope: "openid",
  options: [
    [{}, { prompt: null, display: null, max_age: null, bail: null }],
    [{ prompt: "login", display: "touch", maxAge: 600, bail: true }, { prompt: "login", display: "touch", max_age: "600", bail: "1" }],
    [{ scope: ["openid", "profile", "email"] }, { scope: "openid profile email" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developer.yahoo.co.jp/yconnect/v2/authorization_code/",
} satisfies Contract;
