import type { Contract } from "../contract.js";

export default {
  id: "trakt",
  protocol: "oauth2",
  authorizationUrl: "https://trakt.tv/oauth/authorize",
  tokenUrl: "https://api.trakt.tv/oauth/token",
  apiBaseUrl: "https://api.trakt.tv/",
  defaultScope: null,
  options: [
    [{}, { signup: null, prompt: null }],
    [{ signup: true, forceLogin: true }, { signup: "true", prompt: "login" }],
  ],
  clientAuth: "client_secret_post",
  apiHeaders: { "trakt-api-key": "the-id", "trakt-api-version": "2" },
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Trakt has shortened access-token lifetimes before: read expires_in." },
  docs: "https://trakt.docs.apiary.io/#reference/authentication-oauth",
} satisfies Contract;
