import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** A Battle.net region: `us`, `eu`, `kr` and `tw` share the global OAuth host; `cn` is separate. */
export type BattleNetRegion = "us" | "eu" | "kr" | "tw" | "cn";

/** Options of {@link battlenet}. */
export interface BattleNetOptions<Id extends string = "battlenet"> extends PresetOptions<Id> {
  /** The region: the OAuth host (oauth.battle.net, or oauth.battlenet.com.cn for `cn`) and the game API host (`https://{region}.api.blizzard.com/`). Default `us`. */
  region?: BattleNetRegion | undefined;
  /** Default `["openid"]`; add `wow.profile`, `sc2.profile`, `d3.profile` for game profiles. */
  scope?: readonly string[] | string | undefined;
}

const REGIONS: readonly BattleNetRegion[] = ["us", "eu", "kr", "tw", "cn"];

/**
 * Battle.net (Blizzard), an OpenID provider: one OAuth host for the US, EU, Korea and Taiwan
 * (the per-region `{region}.battle.net/oauth` hosts of older libraries are legacy) and one
 * for China. Its endpoints and keys come from the issuer's discovery document. The
 * userinfo has the `battletag` (no e-mail); there are no refresh tokens.
 *
 * @example
 * ```ts
 * battlenet({ region: "eu", scope: ["openid", "wow.profile"] }) // BATTLENET_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://develop.battle.net/documentation/guides/using-oauth
 */
export function battlenet<const Id extends string = "battlenet">(options: BattleNetOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { region = "us", ...common } = options;
  if (!REGIONS.includes(region)) throw new TypeError(`battlenet(): \`region\` must be one of ${REGIONS.join(", ")}, got ${JSON.stringify(region)}`);
  const cn = region === "cn";
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "battlenet",
    name: "Battle.net",
    issuer: cn ? "https://oauth.battlenet.com.cn" : "https://oauth.battle.net",
    // Blizzard documents the discovery document, not its JWKS address: discover it.
    discovery: true,
    // The game APIs live on regional hosts apart from the OAuth host (whose userinfo is reached too).
    apiBaseUrl: cn ? "https://gateway.battlenet.com.cn/" : `https://${region}.api.blizzard.com/`,
    scope: ["openid"],
    refresh: false,
    facts: {
      docs: "https://develop.battle.net/documentation/guides/using-oauth",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens live about 24 hours; log in again after." },
    },
  });
}
