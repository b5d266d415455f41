import type { Contract } from "../contract.js";

export default {
  id: "notion",
  protocol: "oauth2",
  authorizationUrl: "https://api.notion.com/v1/oauth/authorize",
  tokenUrl: "https://api.notion.com/v1/oauth/token",
  apiBaseUrl: "https://api.notion.com/v1/",
  defaultScope: null,
  options: [
    [{}, { owner: "user" }],
    [{ notionVersion: "2025-09-03" }, { owner: "user" }],
  ],
  clientAuth: "client_secret_basic",
  apiHeaders: { "notion-version": "2022-06-28" },
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "not documented", notes: "The token reference documents refresh_token and a refresh grant; older integrations got tokens that never expire." },
  docs: "https://developers.notion.com/docs/authorization",
} satisfies Contract;
