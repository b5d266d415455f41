import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link descope}. */
export interface DescopeOptions<Id extends string = "descope"> extends PresetOptions<Id> {
  /** The Descope project id (`P2ab…`). Required. */
  projectId: string;
  /** The Descope API host: another region's or a custom domain (CNAME). Default `https://api.descope.com`. */
  baseUrl?: string | undefined;
  /** Default `["openid", "profile", "email"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Descope, an OpenID provider per project: metadata from discovery of
 * `https://api.descope.com/{projectId}`; the endpoints themselves are shared (`/oauth2/v1/…`).
 *
 * @example
 * ```ts
 * descope({ projectId: "P2abcDEF123" })
 * ```
 * @see https://docs.descope.com/getting-started/oidc-endpoints
 */
export function descope<const Id extends string = "descope">(options: DescopeOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { projectId, baseUrl = "https://api.descope.com", ...common } = options;
  if (!projectId || !/^[A-Za-z0-9]+$/.test(projectId)) throw new TypeError(`descope(): \`projectId\` is required, e.g. "P2abcDEF123"; got ${JSON.stringify(projectId)}`);
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "descope",
    name: "Descope",
    issuer: `${instanceBase(baseUrl, "baseUrl")}/${projectId}`,
    discovery: true,
    scope: ["openid", "profile", "email"],
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://docs.descope.com/getting-started/oidc-endpoints",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
