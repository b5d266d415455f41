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
  docs: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
} satisfies Contract;
