import type { Contract } from "../contract.js";

export default {
  id: "strava",
  protocol: "oauth2",
  // Flask-Dance's endpoints; Strava serves the same under /oauth/ too.
  authorizationUrl: "https://www.strava.com/api/v3/oauth/authorize",
  tokenUrl: "https://www.strava.com/api/v3/oauth/token",
  // Flask-Dance's base_url https://www.strava.com/api/v3 lacks the trailing slash.
  apiBaseUrl: "https://www.strava.com/api/v3/",
  defaultScope: "read",
  options: [
    [{}, { approval_prompt: null }],
    [{ approvalPrompt: "force" }, { approval_prompt: "force" }],
    // Strava documents comma-separated scopes.
    [{ scope: ["read", "activity:read"] }, { scope: "read,activity:read" }],
    [{ userAgent: "my-app/1.0" }, { scope: "read" }],
  ],
  // Flask-Dance: include_client_id.
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 6 hours; the token answer also carries expires_at and the athlete." },
  docs: "https://developers.strava.com/docs/authentication/",
} satisfies Contract;
