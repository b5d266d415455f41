import type { Contract } from "../contract.js";

/** A throwaway P-256 key of this test suite (never used anywhere else). */
const privateKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3t0xB6TOA9RkFta3
kW/AcyWxN30+mKx/FBORjuWYxIKhRANCAARgBwyPb2CA978TqmTIuZAz7djrlvwC
GkmQRuPIvPgJn1K7B4PLvHP5c3c/T/XYOWuUtx5IKbCcJ3GzWOR3jtY6
-----END PRIVATE KEY-----`;

export default {
  id: "apple",
  protocol: "oidc",
  required: { teamId: "TEAM123456", keyId: "KEY1234567", privateKey },
  authorizationUrl: "https://appleid.apple.com/auth/authorize",
  tokenUrl: "https://appleid.apple.com/auth/token",
  apiBaseUrl: null,
  defaultScope: "openid name email",
  options: [
    [{}, { response_mode: "form_post" }],
    [{ scope: [] }, { response_mode: null, scope: "openid" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour and are only good for revocation; Apple asks not to refresh more than once a day." },
  docs: "https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_rest_api",
} satisfies Contract;
