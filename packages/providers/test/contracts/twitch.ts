import type { Contract } from "../contract.js";

export default {
  id: "twitch",
  protocol: "oauth2",
  authorizationUrl: "https://id.twitch.tv/oauth2/authorize",
  tokenUrl: "https://id.twitch.tv/oauth2/token",
  apiBaseUrl: "https://api.twitch.tv/helix/",
  defaultScope: null,
  options: [
    [{}, { force_verify: null }],
    [{ forceVerify: true, scope: ["user:read:email"] }, { force_verify: "true", scope: "user:read:email" }],
  ],
  // Flask-Dance: include_client_id (Twitch refuses HTTP Basic).
  clientAuth: "client_secret_post",
  apiHeaders: { "client-id": "the-id" },
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Tokens can be invalidated before they expire (disconnect, password change): validate hourly." },
  docs: "https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/",
} satisfies Contract;
