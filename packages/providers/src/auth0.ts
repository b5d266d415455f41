import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link auth0}. */
export interface Auth0Options<Id extends string = "auth0"> extends PresetOptions<Id> {
  /** Your Auth0 domain, e.g. `dev-abc123.us.auth0.com`, or a custom domain. Required. */
  domain: string;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
  /** `audience`: your API's identifier, for an access token to call it (without, the token only reads `userinfo`). */
  audience?: string | undefined;
  /** `connection`: skip Universal Login's chooser, e.g. `github`. */
  connection?: string | undefined;
  /** `organization`: log in to an organization (its id or name). */
  organization?: string | undefined;
  /** `invitation`: accept an organization invitation (its ticket id). */
  invitation?: string | undefined;
  /** `prompt`: `none`, `login` or `consent`. */
  prompt?: "none" | "login" | "consent" | undefined;
  /** `screen_hint=signup`: open on the sign-up page. */
  screenHint?: "signup" | undefined;
  /** `login_hint`: an e-mail address to pre-fill. */
  loginHint?: string | undefined;
}

/**
 * Auth0, an OpenID provider per tenant: metadata from discovery of `https://{domain}/` (the
 * issuer ends with a slash; a custom domain is another issuer). Regular web apps send the client
 * secret as a form field by default (the application's "Token Endpoint Authentication Method").
 *
 * @example
 * ```ts
 * auth0({ domain: "dev-abc123.us.auth0.com", audience: "https://api.example.com", scope: ["openid", "profile", "email", "offline_access"] })
 * ```
 * @see https://auth0.com/docs/api/authentication
 */
export function auth0<const Id extends string = "auth0">(options: Auth0Options<Id>): OAuth2ProviderDefinition<Id> {
  const { domain, audience, connection, organization, invitation, prompt, screenHint, loginHint, ...common } = options;
  if (!domain) throw new TypeError("auth0(): `domain` is required, e.g. dev-abc123.us.auth0.com");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "auth0",
    name: "Auth0",
    issuer: `${instanceBase(domain, "domain")}/`,
    discovery: true,
    scope: ["openid", "profile", "email"],
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { audience, connection, organization, invitation, prompt, screen_hint: screenHint, login_hint: loginHint },
    facts: {
      docs: "https://auth0.com/docs/api/authentication",
      refresh: {
        refreshTokens: "with offline_access (and Allow Offline Access on the API)",
        rotates: "unknown",
        expiresIn: "yes",
        notes: "Refresh token rotation is an application setting; access-token lifetimes are set per API.",
      },
    },
  });
}
