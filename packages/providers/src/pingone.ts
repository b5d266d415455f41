import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** The host of each PingOne region. */
const REGIONS = { na: "auth.pingone.com", ca: "auth.pingone.ca", eu: "auth.pingone.eu", au: "auth.pingone.com.au", sg: "auth.pingone.sg", ap: "auth.pingone.asia" } as const;

/** Options of {@link pingone}. */
export interface PingOneOptions<Id extends string = "pingone"> extends PresetOptions<Id> {
  /** The environment id (a UUID). Required. */
  environmentId: string;
  /** The environment's region: `na` (default), `ca`, `eu`, `au`, `sg` or `ap`. */
  region?: keyof typeof REGIONS | undefined;
  /** Default `["openid", "profile", "email"]`. */
  scope?: readonly string[] | string | undefined;
  /** `acr_values`: sign-on policy names (or a DaVinci flow policy id). */
  acrValues?: string | undefined;
  /** `prompt`: `login` or `none`. */
  prompt?: "login" | "none" | undefined;
  /** `login_hint`: a username to pre-fill. */
  loginHint?: string | undefined;
  /** `max_age`: seconds since the last authentication before the user must log in again. */
  maxAge?: number | undefined;
}

/**
 * PingOne (Ping Identity), an OpenID provider per environment: metadata from discovery of
 * `https://auth.pingone.{region}/{environmentId}/as`.
 *
 * @example
 * ```ts
 * pingone({ region: "eu", environmentId: "a1b2c3d4-…", acrValues: "Single_Factor" })
 * ```
 * @see https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2.html
 */
export function pingone<const Id extends string = "pingone">(options: PingOneOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { environmentId, region = "na", acrValues, prompt, loginHint, maxAge, ...common } = options;
  if (!environmentId || !/^[0-9a-f-]+$/i.test(environmentId)) throw new TypeError(`pingone(): \`environmentId\` must be the environment's UUID, got ${JSON.stringify(environmentId)}`);
  const host = REGIONS[region];
  if (!host) throw new TypeError(`pingone(): \`region\` must be one of ${Object.keys(REGIONS).join(", ")}, got ${JSON.stringify(region)}`);
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "pingone",
    name: "PingOne",
    issuer: `https://${host}/${environmentId}/as`,
    discovery: true,
    scope: ["openid", "profile", "email"],
    refresh: true,
    authorizationParams: { acr_values: acrValues, prompt, login_hint: loginHint, max_age: maxAge },
    facts: {
      docs: "https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2.html",
      refresh: { refreshTokens: "when the refresh_token grant is enabled for the application", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
