import { createDance } from "@dance/core";
import { github } from "@dance/providers/github";
import { oidc } from "@dance/providers/oidc";

/**
 * One Dance for the whole app. A function of the environment, so the configuration is read at
 * the first request, not while `next build` loads the modules.
 *
 * Without GitHub credentials, `npm start` puts the demo's local OpenID Provider in LOCAL_* and
 * it stands in for GitHub under the same provider id and routes.
 */
export const dance = createDance(() => ({
  secret: process.env.DANCE_SECRET,
  baseUrl: process.env.BASE_URL || undefined, // else the origin comes from the Host header
  providers: [
    process.env.LOCAL_ISSUER
      ? oidc({ id: "github", name: "Local OpenID Provider", issuer: process.env.LOCAL_ISSUER, clientId: process.env.LOCAL_CLIENT_ID, clientSecret: process.env.LOCAL_CLIENT_SECRET })
      : github(), // GITHUB_OAUTH_CLIENT_ID / _SECRET
  ],
  redirectTo: "/profile",
}));

/** Where the profile comes from: GitHub's /user, or the local provider's userinfo endpoint. */
export const profileUrl = () => process.env.LOCAL_USERINFO ?? "/user";
export const providerName = () => (process.env.LOCAL_ISSUER ? "the local OpenID Provider" : "GitHub");
