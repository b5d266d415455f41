import type { Contract } from "../contract.js";

export default {
  id: "facebook",
  protocol: "oauth2",
  authorizationUrl: "https://www.facebook.com/dialog/oauth",
  tokenUrl: "https://graph.facebook.com/oauth/access_token",
  apiBaseUrl: "https://graph.facebook.com/",
  defaultScope: null,
  options: [
    [{}, { auth_type: null }],
    [{ rerequestDeclinedPermissions: true }, { auth_type: "rerequest" }],
    // Facebook documents comma-separated permissions.
    [{ scope: ["email", "public_profile"] }, { scope: "email,public_profile" }],
    [{ version: "v23.0" }, { scope: null }],
  ],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "no",
    rotates: "no",
    expiresIn: "yes",
    notes: "Exchange a short-lived user token (hours) for a long-lived one (about 60 days) with grant_type=fb_exchange_token.",
  },
  docs: "https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow",
} satisfies Contract;
