import type { Contract } from "../contract.js";

export default {
  id: "github",
  protocol: "oauth2",
  authorizationUrl: "https://github.com/login/oauth/authorize",
  tokenUrl: "https://github.com/login/oauth/access_token",
  apiBaseUrl: "https://api.github.com/",
  defaultScope: null,
  options: [
    [{}, { allow_signup: null, login: null }],
    [{ allowSignup: false, login: "octocat" }, { allow_signup: "false", login: "octocat" }],
    [{ scope: ["read:user", "repo"] }, { scope: "read:user repo" }],
  ],
  // GitHub documents client_id and client_secret as form fields of the token request.
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "GitHub Apps with expiring user tokens", rotates: "yes", expiresIn: "GitHub Apps only", notes: "OAuth app tokens do not expire; GitHub App user tokens live 8 hours, refresh tokens 6 months." },
  docs: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
} satisfies Contract;
