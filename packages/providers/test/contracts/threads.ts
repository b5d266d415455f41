import type { Contract } from "../contract.js";

export default {
  id: "threads",
  protocol: "oauth2",
  authorizationUrl: "https://threads.net/oauth/authorize",
  tokenUrl: "https://graph.threads.net/oauth/access_token",
  apiBaseUrl: "https://graph.threads.net/v1.0/",
  defaultScope: "threads_basic",
  // Comma-separated, as Meta documents.
  options: [[{ scope: ["threads_basic", "threads_content_publish"] }, { scope: "threads_basic,threads_content_publish" }]],
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "no",
    rotates: "no",
    expiresIn: "no",
    notes: "The code gives a 1-hour token; th_exchange_token makes it a 60-day one, which th_refresh_token extends once it is a day old.",
  },
  docs: "https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions",
} satisfies Contract;
