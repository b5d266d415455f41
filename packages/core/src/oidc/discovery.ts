/**
 * OpenID Connect Discovery: `{issuer}/.well-known/openid-configuration`, which must name the
 * configured issuer exactly. `metadata.ts` caches and validates what this returns.
 *
 * @internal
 * @module
 */
import { DanceError } from "../errors.js";
import { backChannelHeaders, type AuthorizationServer } from "../oauth2.js";
import type { ProviderSpec } from "../provider.js";

const MAX_DOCUMENT = 512 * 1024;

/** Where the discovery document of `issuer` is: the issuer's path, then `/.well-known/openid-configuration` (OpenID Discovery §4.1). */
export function discoveryUrl(issuer: string): string {
  const url = new URL(issuer);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/.well-known/openid-configuration`;
  return url.href;
}

/**
 * Fetch and check the discovery document of `issuer`. Throws {@link DanceError} `discovery_failed`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export async function discover(provider: ProviderSpec, issuer: string): Promise<AuthorizationServer> {
  const failed = (message: string, cause?: unknown) => new DanceError("discovery_failed", message, { provider: provider.id, cause });
  const http = provider.httpOptions();
  let status: number;
  let text: string;
  try {
    const headers = backChannelHeaders(http, true);
    const response = await http.fetch(discoveryUrl(issuer), { headers: Object.fromEntries(headers), redirect: "manual", signal: http.signal });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    throw failed(`Could not reach ${issuer} for OpenID discovery.`, cause);
  }
  let document: unknown;
  try {
    if (status !== 200) throw new Error(`HTTP ${status}`);
    if (text.length > MAX_DOCUMENT) throw new Error("an oversized document");
    document = JSON.parse(text);
  } catch (cause) {
    throw failed(`The discovery document of provider "${provider.id}" at ${issuer} is invalid.`, cause);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document) || typeof (document as { issuer?: unknown }).issuer !== "string") {
    throw failed(`The discovery document of provider "${provider.id}" at ${issuer} is invalid.`);
  }
  // OpenID Discovery §4.3: the issuer named must be identical to the one the document was fetched for.
  if ((document as AuthorizationServer).issuer !== issuer) {
    throw failed(`The discovery document of provider "${provider.id}" names another issuer than the configured ${issuer}: check \`issuer\` (a trailing slash counts).`);
  }
  return document as AuthorizationServer;
}
