import type { Contract } from "../contract.js";

export default {
  id: "auth0",
  protocol: "oidc",
  required: { domain: "dev-abc123.us.auth0.com" },
  // Discovered from the issuer https://dev-abc123.us.auth0.com/.
  authorizationUrl: "https://dev-abc123.us.auth0.com/authorize",
  tokenUrl: "https://dev-abc123.us.auth0.com/oauth/token",
  apiBaseUrl: "https://dev-abc123.us.auth0.com/",
  defaultScope: "openid profile email",
  options: [
    [{}, { audience: null, connection: null, organization: null, prompt: null, screen_hint: null }],
    [
      { audience: "https://api.example.com", connection: "github", organization: "org_1", invitation: "inv_1", prompt: "login", screenHint: "signup", loginHint: "ada@example.com" },
      { audience: "https://api.example.com", connection: "github", organization: "org_1", invitation: "inv_1", prompt: "login", screen_hint: "signup", login_hint: "ada@example.com" },
    ],
    [{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access" }],
  ],
  // Auth0's default for regular web applications ("Post").
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "with offline_access (and Allow Offline Access on the API)",
    rotates: "unknown",
    expiresIn: "yes",
    notes: "Refresh token rotation is an application setting; access-token lifetimes are set per API.",
  },
  docs: "https://auth0.com/docs/api/authentication",
} satisfies Contract;
