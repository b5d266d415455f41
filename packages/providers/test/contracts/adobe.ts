import type { Contract } from "../contract.js";

export default {
  id: "adobe",
  protocol: "oidc",
  authorizationUrl: "https://ims-na1.adobelogin.com/ims/authorize/v2",
  tokenUrl: "https://ims-na1.adobelogin.com/ims/token/v3",
  apiBaseUrl: "https://ims-na1.adobelogin.com/ims/",
  // Adobe documents the scope list comma-separated.
  defaultScope: "openid,AdobeID",
  options: [[{ scope: ["openid", "AdobeID", "offline_access"] }, { scope: "openid,AdobeID,offline_access" }]],
  clientAuth: "client_secret_basic",
  apiHeaders: { "x-api-key": "the-id" },
  refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 24 hours." },
  docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims",
} satisfies Contract;
