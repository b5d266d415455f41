import type { Contract } from "../contract.js";

export default {
  id: "mastodon",
  protocol: "oauth2",
  required: { instance: "mastodon.social" },
  authorizationUrl: "https://mastodon.social/oauth/authorize",
  tokenUrl: "https://mastodon.social/oauth/token",
  apiBaseUrl: "https://mastodon.social/api/",
  defaultScope: "read:accounts",
  options: [
    [{}, { force_login: null, lang: null }],
    [{ forceLogin: true, lang: "de" }, { force_login: "true", lang: "de" }],
    [{ scope: ["read:accounts", "write:statuses"] }, { scope: "read:accounts write:statuses" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens stay valid until revoked." },
  docs: "https://docs.joinmastodon.org/methods/oauth/",
} satisfies Contract;
