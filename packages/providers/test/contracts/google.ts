import type { Contract } from "../contract.js";

export default {
  id: "google",
  protocol: "oidc",
  // Google's discovery document (accounts.google.com/.well-known/openid-configuration) lists these.
  authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenUrl: "https://oauth2.googleapis.com/token",
  apiBaseUrl: "https://www.googleapis.com/",
  flaskDance: { authorizationUrl: "https://accounts.google.com/o/oauth2/auth", tokenUrl: "https://accounts.google.com/o/oauth2/token" },
  defaultScope: "https://www.googleapis.com/auth/userinfo.profile",
  options: [
    [{}, { access_type: null, prompt: null, hd: null }],
    [{ offline: true }, { access_type: "offline" }],
    [{ repromptConsent: true }, { prompt: "consent" }],
    [{ repromptSelectAccount: true }, { prompt: "select_account" }],
    [{ repromptConsent: true, repromptSelectAccount: true }, { prompt: "consent select_account" }],
    [{ hostedDomain: "example.com" }, { hd: "example.com" }],
    [{ scope: ["openid", "email"] }, { scope: "openid email" }],
    [{ loginHint: "ada@example.com", includeGrantedScopes: true }, { login_hint: "ada@example.com", include_granted_scopes: "true" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "with access_type=offline (offline: true), on the first consent",
    rotates: "no",
    expiresIn: "yes",
    notes: "Access tokens live 1 hour. A refresh token is only sent again with prompt=consent.",
  },
  docs: "https://developers.google.com/identity/protocols/oauth2/web-server",
} satisfies Contract;
