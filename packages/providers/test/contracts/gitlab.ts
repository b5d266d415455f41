import type { Contract } from "../contract.js";

export default {
  id: "gitlab",
  protocol: "oauth2",
  authorizationUrl: "https://gitlab.com/oauth/authorize",
  tokenUrl: "https://gitlab.com/oauth/token",
  apiBaseUrl: "https://gitlab.com/api/v4/",
  defaultScope: null,
  options: [
    [{ hostname: "gitlab.example.com" }, {}],
    [{ scope: ["read_user", "openid"] }, { scope: "read_user openid" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours." },
  docs: "https://docs.gitlab.com/api/oauth2/",
} satisfies Contract;
