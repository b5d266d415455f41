import type { Contract } from "../contract.js";

export default {
  id: "spotify",
  protocol: "oauth2",
  authorizationUrl: "https://accounts.spotify.com/authorize",
  tokenUrl: "https://accounts.spotify.com/api/token",
  // Flask-Dance's base_url is https://api.spotify.com (no /v1).
  apiBaseUrl: "https://api.spotify.com/v1/",
  defaultScope: null,
  options: [
    [{}, { show_dialog: null }],
    [{ showDialog: true, scope: ["user-read-email"] }, { show_dialog: "true", scope: "user-read-email" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh may answer a new refresh token." },
  docs: "https://developer.spotify.com/documentation/web-api/tutorials/code-flow",
} satisfies Contract;
