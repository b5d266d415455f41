import type { Contract } from "../contract.js";

export default {
  id: "roblox",
  protocol: "oidc",
  authorizationUrl: "https://apis.roblox.com/oauth/v1/authorize",
  tokenUrl: "https://apis.roblox.com/oauth/v1/token",
  apiBaseUrl: "https://apis.roblox.com/",
  defaultScope: "openid profile",
  options: [
    [{}, { prompt: null }],
    [{ prompt: "login consent" }, { prompt: "login consent" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 15 minutes; each refresh answers a new refresh token." },
  docs: "https://create.roblox.com/docs/cloud/auth/oauth2-reference",
} satisfies Contract;
