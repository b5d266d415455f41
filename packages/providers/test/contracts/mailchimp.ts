import type { Contract } from "../contract.js";

export default {
  id: "mailchimp",
  protocol: "oauth2",
  authorizationUrl: "https://login.mailchimp.com/oauth2/authorize",
  tokenUrl: "https://login.mailchimp.com/oauth2/token",
  // Without a data centre, relative calls reach the metadata endpoint that names it.
  apiBaseUrl: "https://login.mailchimp.com/oauth2/",
  defaultScope: null,
  options: [[{ dc: "us6" }, {}]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire; the answer's expires_in is 0." },
  docs: "https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/",
} satisfies Contract;
