import type { Contract } from "../contract.js";

export default {
  id: "bitbucket",
  protocol: "oauth2",
  authorizationUrl: "https://bitbucket.org/site/oauth2/authorize",
  tokenUrl: "https://bitbucket.org/site/oauth2/access_token",
  apiBaseUrl: "https://api.bitbucket.org/2.0/",
  defaultScope: "account",
  options: [[{ scope: ["account", "email"] }, { scope: "account email" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
  docs: "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/",
} satisfies Contract;
