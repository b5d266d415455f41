import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link huggingface}. */
export interface HuggingFaceOptions<Id extends string = "huggingface"> extends PresetOptions<Id> {
  /** Default `["openid", "profile"]`; add `email`, `read-repos`, `inference-api`, … — each must also be enabled on the OAuth app. */
  scope?: readonly string[] | string | undefined;
  /** `orgIds`: an organization id the user is asked to grant the app access to. */
  orgIds?: string | undefined;
}

/**
 * Sign in with Hugging Face, an OpenID provider with pinned metadata (from
 * `https://huggingface.co/.well-known/openid-configuration`). A scope the OAuth app does not
 * list is refused, `email` included.
 *
 * @example
 * ```ts
 * huggingface({ scope: ["openid", "profile", "email", "read-repos"] }) // session.claims.preferred_username
 * ```
 * @see https://huggingface.co/docs/hub/oauth
 */
export function huggingface<const Id extends string = "huggingface">(options: HuggingFaceOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { orgIds, ...common } = options;
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "huggingface",
    name: "Hugging Face",
    issuer: "https://huggingface.co",
    authorizationUrl: "https://huggingface.co/oauth/authorize",
    tokenUrl: "https://huggingface.co/oauth/token",
    jwksUrl: "https://huggingface.co/oauth/jwks",
    userinfoUrl: "https://huggingface.co/oauth/userinfo",
    apiBaseUrl: "https://huggingface.co/api/",
    scope: ["openid", "profile"],
    idTokenAlgorithms: ["RS256"],
    refresh: true,
    authorizationParams: { orgIds },
    facts: {
      docs: "https://huggingface.co/docs/hub/oauth",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "The metadata lists the refresh_token grant. Tokens of Spaces apps live 8 hours by default." },
    },
  });
}
