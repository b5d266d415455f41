import type { Contract } from "../contract.js";

export default {
  id: "vercel",
  protocol: "oidc",
  authorizationUrl: "https://vercel.com/oauth/authorize",
  tokenUrl: "https://api.vercel.com/login/oauth/token",
  apiBaseUrl: "https://api.vercel.com/",
  defaultScope: "openid profile email",
  options: [[{ scope: ["openid", "profile", "email", "offline_access"] }, { scope: "openid profile email offline_access" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour, refresh tokens 30 days." },
  docs: "https://vercel.com/docs/sign-in-with-vercel",
} satisfies Contract;
