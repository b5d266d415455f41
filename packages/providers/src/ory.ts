import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link ory}. */
export interface OryOptions<Id extends string = "ory"> extends PresetOptions<Id> {
  /** The Ory Network project URL (`https://{slug}.projects.oryapis.com`) or your Ory Hydra's public URL. Required. */
  baseUrl: string;
  /** The issuer, exactly, when it is not `baseUrl` (self-hosted Hydra's default ends with a slash). */
  issuer?: string | undefined;
  /** Default `["openid"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Ory (Ory Network, or a self-hosted Ory Hydra), an OpenID provider: metadata from discovery of
 * the issuer. Clients default to HTTP Basic (`token_endpoint_auth_method` is fixed per client).
 *
 * @example
 * ```ts
 * ory({ baseUrl: "https://my-project.projects.oryapis.com", scope: ["openid", "offline_access"] })
 * ```
 * @see https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow
 */
export function ory<const Id extends string = "ory">(options: OryOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { baseUrl, issuer, ...common } = options;
  if (!baseUrl) throw new TypeError("ory(): `baseUrl` is required, e.g. https://my-project.projects.oryapis.com");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "ory",
    name: "Ory",
    issuer: issuer ?? instanceBase(baseUrl, "baseUrl"),
    discovery: true,
    scope: ["openid"],
    refresh: true,
    facts: {
      docs: "https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour by default." },
    },
  });
}
