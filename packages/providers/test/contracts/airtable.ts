import type { Contract } from "../contract.js";

export default {
  id: "airtable",
  protocol: "oauth2",
  authorizationUrl: "https://airtable.com/oauth2/v1/authorize",
  tokenUrl: "https://airtable.com/oauth2/v1/token",
  apiBaseUrl: "https://api.airtable.com/v0/",
  defaultScope: "user.email:read",
  options: [[{ scope: ["user.email:read", "data.records:read"] }, { scope: "user.email:read data.records:read" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 60 minutes; refresh tokens are single-use and live 60 days." },
  docs: "https://airtable.com/developers/web/api/oauth-reference",
} satisfies Contract;
