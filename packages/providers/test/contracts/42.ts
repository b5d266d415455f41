import type { Contract } from "../contract.js";

export default {
  id: "42",
  protocol: "oauth2",
  authorizationUrl: "https://api.intra.42.fr/oauth/authorize",
  tokenUrl: "https://api.intra.42.fr/oauth/token",
  apiBaseUrl: "https://api.intra.42.fr/v2/",
  defaultScope: "public",
  options: [[{ scope: ["public", "projects"] }, { scope: "public projects" }]],
  clientAuth: "client_secret_post",
  // A shell cannot export 42_OAUTH_CLIENT_ID.
  env: { clientId: "FORTYTWO_OAUTH_CLIENT_ID", clientSecret: "FORTYTWO_OAUTH_CLIENT_SECRET" },
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
  docs: "https://api.intra.42.fr/apidoc/guides/web_application_flow",
} satisfies Contract;
