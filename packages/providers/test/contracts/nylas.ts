import type { Contract } from "../contract.js";

export default {
  id: "nylas",
  protocol: "oauth2",
  // Nylas v3 Hosted OAuth; Flask-Dance carries v2.
  authorizationUrl: "https://api.us.nylas.com/v3/connect/auth",
  tokenUrl: "https://api.us.nylas.com/v3/connect/token",
  apiBaseUrl: "https://api.us.nylas.com/v3/",
  flaskDance: { authorizationUrl: "https://api.nylas.com/oauth/authorize", tokenUrl: "https://api.nylas.com/oauth/token" },
  defaultScope: null,
  options: [
    [{}, { provider: null, login_hint: null }],
    [{ region: "eu", provider: "google", loginHint: "ada@example.com" }, { provider: "google", login_hint: "ada@example.com" }],
  ],
  // Flask-Dance: include_client_id; Nylas v3 takes the API key as client_secret in the body.
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about 1 hour." },
  docs: "https://developer.nylas.com/docs/v3/auth/hosted-oauth-accesstoken/",
} satisfies Contract;
