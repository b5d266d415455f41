import type { Contract } from "../contract.js";

export default {
  id: "twitter",
  protocol: "oauth1",
  requestTokenUrl: "https://api.twitter.com/oauth/request_token",
  // Flask-Dance's (always asks); `authenticate: true` gives "Sign in with Twitter".
  authorizationUrl: "https://api.twitter.com/oauth/authorize",
  accessTokenUrl: "https://api.twitter.com/oauth/access_token",
  // Flask-Dance's base_url: session.fetch("account/verify_credentials.json") as there.
  apiBaseUrl: "https://api.twitter.com/1.1/",
  signatureMethod: "HMAC-SHA1",
  env: { clientKey: "TWITTER_OAUTH_CLIENT_KEY", clientSecret: "TWITTER_OAUTH_CLIENT_SECRET" },
  credentialOptions: { clientKey: "apiKey", clientSecret: "apiSecret" },
  options: [
    [{}, { params: { force_login: null, screen_name: null } }],
    [{ authenticate: true }, { url: "https://api.twitter.com/oauth/authenticate", params: {} }],
    [{ forceLogin: true, screenName: "jack" }, { params: { force_login: "true", screen_name: "jack" } }],
  ],
  apiHeaders: {},
  refresh: {
    refreshTokens: "no",
    rotates: "no",
    expiresIn: "no",
    notes: "OAuth 1.0a access tokens do not expire: they stay valid until the user revokes the app or the app invalidates them (POST oauth/invalidate_token).",
  },
  docs: "https://developer.x.com/en/docs/authentication/oauth-1-0a",
} satisfies Contract;
