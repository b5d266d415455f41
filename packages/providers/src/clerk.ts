import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link clerk}. */
export interface ClerkOptions<Id extends string = "clerk"> extends PresetOptions<Id> {
  /** The Clerk instance's Frontend API domain, e.g. `clerk.example.com` or `acme-12.clerk.accounts.dev`. Required. */
  domain: string;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Clerk as an identity provider ("Sign in with <your Clerk app>" for other sites, through an
 * OAuth application of the Clerk dashboard): metadata from discovery of `https://{domain}`.
 *
 * @example
 * ```ts
 * clerk({ domain: "clerk.example.com" })
 * ```
 * @see https://clerk.com/docs/oauth/single-sign-on
 */
export function clerk<const Id extends string = "clerk">(options: ClerkOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { domain, ...common } = options;
  if (!domain) throw new TypeError("clerk(): `domain` is required, e.g. clerk.example.com");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "clerk",
    name: "Clerk",
    issuer: instanceBase(domain, "domain"),
    discovery: true,
    scope: ["openid", "profile", "email"],
    refresh: true,
    facts: {
      docs: "https://clerk.com/docs/oauth/single-sign-on",
      refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
