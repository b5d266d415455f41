import type { Contract } from "../contract.js";

export default {
  id: "zendesk",
  protocol: "oauth2",
  required: { subdomain: "acme" },
  authorizationUrl: "https://acme.zendesk.com/oauth/authorizations/new",
  tokenUrl: "https://acme.zendesk.com/oauth/tokens",
  apiBaseUrl: "https://acme.zendesk.com/api/v2/",
  defaultScope: "read",
  options: [[{ scope: ["users:read", "tickets:write"] }, { scope: "users:read tickets:write" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Older integrations got non-expiring tokens without refresh tokens; lifetimes can be set per token request within Zendesk's limits." },
  docs: "https://support.zendesk.com/hc/en-us/articles/4408845965210",
} satisfies Contract;
