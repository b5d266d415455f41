import type { Contract } from "../contract.js";

export default {
  id: "anilist",
  protocol: "oauth2",
  authorizationUrl: "https://anilist.co/api/v2/oauth/authorize",
  tokenUrl: "https://anilist.co/api/v2/oauth/token",
  apiBaseUrl: "https://graphql.anilist.co/",
  defaultScope: null,
  options: [],
  clientAuth: "client_secret_post",
  apiHeaders: { accept: "application/json" },
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens live a year; authorize again when one expires." },
  docs: "https://docs.anilist.co/guide/auth/authorization-code",
} satisfies Contract;
