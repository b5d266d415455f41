import type { Contract } from "../contract.js";

export default {
  id: "monday",
  protocol: "oauth2",
  authorizationUrl: "https://auth.monday.com/oauth2/authorize",
  tokenUrl: "https://auth.monday.com/oauth_ms/oauth/token",
  apiBaseUrl: "https://api.monday.com/",
  defaultScope: "me:read",
  options: [
    [{ scope: ["me:read", "boards:read"] }, { scope: "me:read boards:read" }],
    [{ legacy: true }, { scope: "me:read" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes (OAuth 2.1; the legacy flow has none)", rotates: "unknown", expiresIn: "yes (OAuth 2.1)", notes: "Legacy tokens stop working with API version 2027-04." },
  docs: "https://developer.monday.com/apps/docs/oauth-2-1",
} satisfies Contract;
