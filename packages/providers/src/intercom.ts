import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Where a workspace's data is hosted. */
export type IntercomRegion = "us" | "eu" | "au";

/** Options of {@link intercom}. */
export interface IntercomOptions<Id extends string = "intercom"> extends PresetOptions<Id> {
  /** The REST API host of your workspaces' region: `us` (api.intercom.io, which also routes other regions), `eu` (api.eu.intercom.io), `au` (api.au.intercom.io). Default `us`. */
  region?: IntercomRegion | undefined;
  /** Intercom takes no scope parameter: permissions are ticked on the app. Default: none. */
  scope?: readonly string[] | string | undefined;
}

const API: Record<IntercomRegion, string> = { us: "https://api.intercom.io/", eu: "https://api.eu.intercom.io/", au: "https://api.au.intercom.io/" };

/**
 * Intercom. Permissions are chosen on the app in the Developer Hub, not per request; the
 * token endpoint is `/auth/eagle/token`; tokens never expire (until the workspace removes
 * the app) and there is no refresh. `session.fetch("me")` is the admin who installed the
 * app, with the workspace.
 *
 * @example
 * ```ts
 * intercom({ region: "eu" }) // INTERCOM_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth
 */
export function intercom<const Id extends string = "intercom">(options: IntercomOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { region = "us", ...common } = options;
  if (!(region in API)) throw new TypeError(`intercom(): \`region\` must be us, eu or au, got ${JSON.stringify(region)}`);
  return preset(common, {
    protocol: "oauth2",
    id: "intercom",
    name: "Intercom",
    authorizationUrl: "https://app.intercom.com/oauth",
    tokenUrl: "https://api.intercom.io/auth/eagle/token",
    apiBaseUrl: API[region],
    // Intercom's token request carries client_id and client_secret as fields.
    clientAuth: "client_secret_post",
    refresh: false,
    apiHeaders: { accept: "application/json" },
    facts: {
      docs: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire; they end when the workspace uninstalls the app." },
    },
  });
}
