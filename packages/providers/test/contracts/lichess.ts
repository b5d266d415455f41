import type { Contract } from "../contract.js";

export default {
  id: "lichess",
  protocol: "oauth2",
  authorizationUrl: "https://lichess.org/oauth",
  tokenUrl: "https://lichess.org/api/token",
  apiBaseUrl: "https://lichess.org/api/",
  defaultScope: null,
  options: [
    [{}, { username: null }],
    [{ username: "DrNykterstein", scope: ["email:read"] }, { username: "DrNykterstein", scope: "email:read" }],
  ],
  // No registration, no secret: client_id and PKCE only.
  clientAuth: "none",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens live about a year; DELETE /api/token revokes one." },
  docs: "https://lichess.org/api#tag/OAuth",
} satisfies Contract;
