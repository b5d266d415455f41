import type { Contract } from "../contract.js";

export default {
  id: "synology",
  protocol: "oauth2",
  required: { host: "https://nas.example.com:5001" },
  authorizationUrl: "https://nas.example.com:5001/webman/sso/SSOOauth.cgi",
  tokenUrl: "https://nas.example.com:5001/webman/sso/SSOAccessToken.cgi",
  apiBaseUrl: "https://nas.example.com:5001/webman/sso/",
  defaultScope: "email",
  options: [
    [{ host: "sso.example.com" }, {}],
    [{ scope: ["email", "groups"] }, { scope: "email groups" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
  docs: "https://www.synology.com/en-us/dsm/packages/SSOServer",
} satisfies Contract;
