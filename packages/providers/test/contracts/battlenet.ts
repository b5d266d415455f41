import type { Contract } from "../contract.js";

export default {
  id: "battlenet",
  protocol: "oidc",
  // Discovered from https://oauth.battle.net: the contract checks its documented endpoints through the fake.
  authorizationUrl: "https://oauth.battle.net/authorize",
  tokenUrl: "https://oauth.battle.net/token",
  apiBaseUrl: "https://us.api.blizzard.com/",
  defaultScope: "openid",
  options: [
    [{ region: "eu" }, {}],
    [{ region: "cn" }, {}],
    [{ scope: ["openid", "wow.profile"] }, { scope: "openid wow.profile" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens live about 24 hours; log in again after." },
  docs: "https://develop.battle.net/documentation/guides/using-oauth",
} satisfies Contract;
