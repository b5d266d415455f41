import type { Contract } from "../contract.js";

export default {
  id: "dropbox",
  protocol: "oauth2",
  authorizationUrl: "https://www.dropbox.com/oauth2/authorize",
  tokenUrl: "https://api.dropboxapi.com/oauth2/token",
  apiBaseUrl: "https://api.dropboxapi.com/2/",
  flaskDance: { authorizationUrl: "https://www.dropbox.com/oauth2/authorize", tokenUrl: "https://api.dropbox.com/oauth2/token" },
  defaultScope: null,
  options: [
    [{}, { token_access_type: null, force_reapprove: null, disable_signup: null, require_role: null }],
    [
      { offline: true, forceReapprove: true, disableSignup: true, requireRole: "work" },
      { token_access_type: "offline", force_reapprove: "true", disable_signup: "true", require_role: "work" },
    ],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with token_access_type=offline (offline: true)", rotates: "no", expiresIn: "yes", notes: "Access tokens are short-lived (4 hours); the refresh token is long-lived and stays the same." },
  docs: "https://developers.dropbox.com/oauth-guide",
} satisfies Contract;
