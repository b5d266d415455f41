import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link sage}. */
export interface SageOptions<Id extends string = "sage"> extends PresetOptions<Id> {
  /** `readonly` or `full_access`. Default `["readonly"]`. */
  scope?: readonly string[] | string | undefined;
  /** `country=`: preselect the user's Sage region (`gb`, `ie`, `ca`, `us`, `es`, `fr`, `de`); a business of another country then fails. */
  country?: string | undefined;
  /** A business id sent as `X-Business` with every API call (default: the user's lead business). */
  business?: string | undefined;
}

/**
 * Sage Business Cloud Accounting (API v3.1). The authorization URL keeps `filter=apiv3.1`
 * in its query (Dance adds its parameters next to it). Access tokens live five minutes and
 * each refresh token works once, so tokens are refreshed often. A user may reach several
 * businesses: `session.fetch("businesses")` lists them, `X-Business` picks one.
 *
 * @example
 * ```ts
 * sage({ scope: ["full_access"], country: "gb" }) // SAGE_OAUTH_CLIENT_ID / _SECRET; session.fetch("user")
 * ```
 * @see https://developer.sage.com/accounting/guides/authenticating/authentication
 */
export function sage<const Id extends string = "sage">(options: SageOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { country, business, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "sage",
    name: "Sage Accounting",
    authorizationUrl: "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1",
    tokenUrl: "https://oauth.accounting.sage.com/token",
    apiBaseUrl: "https://api.accounting.sage.com/v3.1/",
    scope: ["readonly"],
    // Sage's guide sends client_id and client_secret as form fields.
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { country },
    ...(business ? { apiHeaders: { "x-business": business } } : {}),
    facts: {
      docs: "https://developer.sage.com/accounting/guides/authenticating/authentication",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 5 minutes; each refresh token works once and lives 31 days." },
    },
  });
}
