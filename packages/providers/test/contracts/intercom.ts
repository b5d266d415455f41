import type { Contract } from "../contract.js";

export default {
  id: "intercom",
  protocol: "oauth2",
  authorizationUrl: "https://app.intercom.com/oauth",
  tokenUrl: "https://api.intercom.io/auth/eagle/token",
  apiBaseUrl: "https://api.intercom.io/",
  // Permissions are ticked on the app, not asked for.
  defaultScope: null,
  options: [
    [{ region: "eu" }, {}],
    [{ region: "au" }, {}],
  ],
  clientAuth: "client_secret_post",
  apiHeaders: { accept: "application/json" },
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire; they end when the workspace uninstalls the app." },
  docs: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth",
} satisfies Contract;
