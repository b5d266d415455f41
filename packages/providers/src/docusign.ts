import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link docusign}. */
export interface DocusignOptions<Id extends string = "docusign"> extends PresetOptions<Id> {
  /** Docusign scopes. Default `["signature"]` (eSignature); add `extended` to keep refresh tokens alive, `openid` for an id_token. */
  scope?: readonly string[] | string | undefined;
  /** The developer (demo) environment: `account-d.docusign.com` instead of `account.docusign.com`. */
  demo?: boolean | undefined;
  /** The account's `base_uri` from `/oauth/userinfo` (e.g. `https://na3.docusign.net`): API calls then go to its `/restapi/v2.1/`. */
  baseUri?: string | undefined;
  /** `prompt=login`: ask the user to sign in again. */
  prompt?: "login" | undefined;
}

/**
 * Docusign (eSignature and the other Docusign APIs), production or the demo environment. The
 * API host is per account: read `accounts[].base_uri` from `session.fetch("userinfo")` and make
 * the preset again with `baseUri`; until then relative calls go to the auth host's `/oauth/`.
 *
 * @example
 * ```ts
 * docusign({ demo: true, scope: ["signature", "extended"] })
 * ```
 * @see https://developers.docusign.com/platform/auth/reference
 */
export function docusign<const Id extends string = "docusign">(options: DocusignOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { demo, baseUri, prompt, ...common } = options;
  const auth = demo ? "https://account-d.docusign.com" : "https://account.docusign.com";
  const api = baseUri ? new URL(baseUri).origin : undefined;
  return preset(common, {
    protocol: "oauth2",
    id: "docusign",
    name: "Docusign",
    authorizationUrl: `${auth}/oauth/auth`,
    tokenUrl: `${auth}/oauth/token`,
    apiBaseUrl: api ? `${api}/restapi/v2.1/` : `${auth}/oauth/`,
    ...(api ? { apiOrigins: [auth] } : {}),
    scope: ["signature"],
    refresh: true,
    authorizationParams: { prompt },
    facts: {
      docs: "https://developers.docusign.com/platform/auth/reference",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 8 hours, refresh tokens about 30 days; the `extended` scope renews the refresh token's life on each use." },
    },
  });
}
