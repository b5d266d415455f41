import type { Contract } from "../contract.js";

export default {
  id: "zitadel",
  protocol: "oidc",
  required: { domain: "my-instance-abc123.zitadel.cloud" },
  // Discovered from the issuer https://my-instance-abc123.zitadel.cloud (userinfo is under /oidc/v1/).
  authorizationUrl: "https://my-instance-abc123.zitadel.cloud/oauth/v2/authorize",
  tokenUrl: "https://my-instance-abc123.zitadel.cloud/oauth/v2/token",
  apiBaseUrl: "https://my-instance-abc123.zitadel.cloud/oidc/v1/",
  defaultScope: "openid profile email",
  options: [
    [{}, { prompt: null, login_hint: null }],
    [{ prompt: "select_account", loginHint: "ada@acme.test" }, { prompt: "select_account", login_hint: "ada@acme.test" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes" },
  docs: "https://zitadel.com/docs/apis/openidoauth/endpoints",
} satisfies Contract;
