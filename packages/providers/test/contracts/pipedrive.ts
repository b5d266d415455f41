import type { Contract } from "../contract.js";

export default {
  id: "pipedrive",
  protocol: "oauth2",
  authorizationUrl: "https://oauth.pipedrive.com/oauth/authorize",
  tokenUrl: "https://oauth.pipedrive.com/oauth/token",
  apiBaseUrl: "https://api.pipedrive.com/v1/",
  // Scopes are fixed in the app's settings.
  defaultScope: null,
  options: [],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about an hour; an unused refresh token expires after 60 days." },
  docs: "https://pipedrive.readme.io/docs/marketplace-oauth-authorization",
} satisfies Contract;
