import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link autodesk}. */
export interface AutodeskOptions<Id extends string = "autodesk"> extends PresetOptions<Id> {
  /** APS scopes (`resource:action`), e.g. `["data:read"]`. Default `["user-profile:read"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Autodesk Platform Services (APS, formerly Forge), authentication v2: three-legged tokens with
 * single-use refresh tokens. The user's profile is on another host:
 * `session.fetch("https://api.userprofile.autodesk.com/userinfo")`.
 *
 * @example
 * ```ts
 * autodesk({ scope: ["user-profile:read", "data:read"] })
 * ```
 * @see https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/overview/
 */
export function autodesk<const Id extends string = "autodesk">(options: AutodeskOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "autodesk",
    name: "Autodesk",
    authorizationUrl: "https://developer.api.autodesk.com/authentication/v2/authorize",
    tokenUrl: "https://developer.api.autodesk.com/authentication/v2/token",
    revocationUrl: "https://developer.api.autodesk.com/authentication/v2/revoke",
    apiBaseUrl: "https://developer.api.autodesk.com/",
    apiOrigins: ["https://api.userprofile.autodesk.com"],
    scope: ["user-profile:read"],
    refresh: true,
    facts: {
      docs: "https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/overview/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; a refresh token (about 15 days) is spent by its use." },
    },
  });
}
