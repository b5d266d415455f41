import type { Contract } from "../contract.js";

export default {
  id: "atlassian",
  protocol: "oauth2",
  authorizationUrl: "https://auth.atlassian.com/authorize",
  tokenUrl: "https://auth.atlassian.com/oauth/token",
  apiBaseUrl: "https://api.atlassian.com/",
  defaultScope: null,
  options: [
    [{}, { audience: "api.atlassian.com", prompt: null }],
    [{ repromptConsent: true }, { audience: "api.atlassian.com", prompt: "consent" }],
    [{ scope: ["read:me", "offline_access"] }, { scope: "read:me offline_access" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour." },
  docs: "https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/",
} satisfies Contract;
