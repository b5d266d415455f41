import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link vercel}. */
export interface VercelOptions<Id extends string = "vercel"> extends PresetOptions<Id> {
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Sign in with Vercel, an OpenID provider with pinned metadata (from
 * `https://vercel.com/.well-known/oauth-authorization-server`). Not Vercel's Integrations
 * OAuth, which installs an integration into a team.
 *
 * @example
 * ```ts
 * vercel({ scope: ["openid", "profile", "email", "offline_access"] })
 * ```
 * @see https://vercel.com/docs/sign-in-with-vercel
 */
export function vercel<const Id extends string = "vercel">(options: VercelOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const scope = options.scope ?? ["openid", "profile", "email"];
  return preset(options, {
    protocol: "oidc",
    support: openidConnect,
    id: "vercel",
    name: "Vercel",
    issuer: "https://vercel.com",
    authorizationUrl: "https://vercel.com/oauth/authorize",
    tokenUrl: "https://api.vercel.com/login/oauth/token",
    jwksUrl: "https://vercel.com/.well-known/jwks",
    userinfoUrl: "https://api.vercel.com/login/oauth/userinfo",
    revocationUrl: "https://api.vercel.com/login/oauth/token/revoke",
    apiBaseUrl: "https://api.vercel.com/",
    scope,
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    facts: {
      docs: "https://vercel.com/docs/sign-in-with-vercel",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour, refresh tokens 30 days." },
    },
  });
}
