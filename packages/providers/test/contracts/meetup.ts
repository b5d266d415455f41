import type { Contract } from "../contract.js";

export default {
  id: "meetup",
  protocol: "oauth2",
  authorizationUrl: "https://secure.meetup.com/oauth2/authorize",
  tokenUrl: "https://secure.meetup.com/oauth2/access",
  // Flask-Dance's base_url https://api.meetup.com/2/ is the retired REST API; the GraphQL endpoint is gql-ext here.
  apiBaseUrl: "https://api.meetup.com/",
  defaultScope: "basic",
  options: [[{ scope: ["basic", "rsvp"] }, { scope: "basic rsvp" }]],
  // Flask-Dance: include_client_id.
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://www.meetup.com/graphql/authentication/",
} satisfies Contract;
