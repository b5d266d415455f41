import type { Contract } from "../contract.js";

export default {
  id: "snapchat",
  protocol: "oauth2",
  authorizationUrl: "https://accounts.snapchat.com/accounts/oauth2/auth",
  tokenUrl: "https://accounts.snapchat.com/login/oauth2/access_token",
  apiBaseUrl: "https://kit.snapchat.com/v1/",
  defaultScope: "https://auth.snapchat.com/oauth2/api/user.external_id",
  options: [
    [
      { scope: ["https://auth.snapchat.com/oauth2/api/user.external_id", "https://auth.snapchat.com/oauth2/api/user.display_name"] },
      { scope: "https://auth.snapchat.com/oauth2/api/user.external_id https://auth.snapchat.com/oauth2/api/user.display_name" },
    ],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://developers.snap.com/snap-kit/login-kit/overview",
} satisfies Contract;
