import type { Contract } from "../contract.js";

export default {
  id: "stripe",
  protocol: "oauth2",
  authorizationUrl: "https://connect.stripe.com/oauth/authorize",
  tokenUrl: "https://connect.stripe.com/oauth/token",
  apiBaseUrl: "https://api.stripe.com/v1/",
  defaultScope: "read_only",
  options: [
    [{}, { stripe_landing: null, always_prompt: null }],
    [{ stripeLanding: "register", alwaysPrompt: true, scope: ["read_write"] }, { stripe_landing: "register", always_prompt: "true", scope: "read_write" }],
  ],
  // client_secret is the platform's secret API key, as a form field.
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "no", notes: "Access tokens do not expire; a refresh token can mint new ones." },
  docs: "https://docs.stripe.com/connect/oauth-reference",
} satisfies Contract;
