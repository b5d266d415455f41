import type { Contract } from "../contract.js";

export default {
  id: "soundcloud",
  protocol: "oauth2",
  authorizationUrl: "https://secure.soundcloud.com/authorize",
  tokenUrl: "https://secure.soundcloud.com/oauth/token",
  apiBaseUrl: "https://api.soundcloud.com/",
  defaultScope: null,
  options: [],
  clientAuth: "client_secret_post",
  tokenScheme: "OAuth",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live about an hour; each refresh token works once." },
  docs: "https://developers.soundcloud.com/docs/api/guide#authentication",
} satisfies Contract;
