import type { Contract } from "../contract.js";

export default {
  id: "linode",
  protocol: "oauth2",
  authorizationUrl: "https://login.linode.com/oauth/authorize",
  tokenUrl: "https://login.linode.com/oauth/token",
  apiBaseUrl: "https://api.linode.com/v4/",
  defaultScope: "account:read_only",
  options: [[{ scope: ["account:read_only", "linodes:read_only"] }, { scope: "account:read_only linodes:read_only" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours; a refresh returns a new access and refresh token." },
  docs: "https://www.linode.com/docs/api/",
} satisfies Contract;
