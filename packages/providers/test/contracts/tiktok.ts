import type { Contract } from "../contract.js";

export default {
  id: "tiktok",
  protocol: "oauth2",
  authorizationUrl: "https://www.tiktok.com/v2/auth/authorize/",
  tokenUrl: "https://open.tiktokapis.com/v2/oauth/token/",
  apiBaseUrl: "https://open.tiktokapis.com/v2/",
  defaultScope: "user.info.basic",
  options: [
    // TikTok's name for the client id.
    [{}, { client_key: "the-id" }],
    // Comma-separated, as TikTok documents.
    [{ scope: ["user.info.basic", "video.list"] }, { scope: "user.info.basic,video.list", client_key: "the-id" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "The answer also carries refresh_expires_in (the refresh token's life), open_id and a comma-separated scope." },
  docs: "https://developers.tiktok.com/doc/login-kit-manage-user-access-tokens",
} satisfies Contract;
