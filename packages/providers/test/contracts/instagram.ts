import type { Contract } from "../contract.js";

export default {
  id: "instagram",
  protocol: "oauth2",
  authorizationUrl: "https://www.instagram.com/oauth/authorize",
  tokenUrl: "https://api.instagram.com/oauth/access_token",
  apiBaseUrl: "https://graph.instagram.com/",
  defaultScope: "instagram_business_basic",
  options: [
    [{}, { force_reauth: null }],
    [{ forceReauth: true }, { force_reauth: "true" }],
    // Comma-separated, as Meta documents.
    [{ scope: ["instagram_business_basic", "instagram_business_content_publish"] }, { scope: "instagram_business_basic,instagram_business_content_publish" }],
  ],
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "no",
    rotates: "no",
    expiresIn: "no",
    notes: "The code gives a 1-hour token; ig_exchange_token makes it a 60-day one, which ig_refresh_token extends once it is a day old.",
  },
  docs: "https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/business-login",
} satisfies Contract;
