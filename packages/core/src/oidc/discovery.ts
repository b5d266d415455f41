/**
 * OpenID Connect Discovery: `{issuer}/.well-known/openid-configuration`, which must name the
 * configured issuer exactly. `metadata.ts` caches and validates what this returns.
 *
 * @internal
 * @module
 */
import * as oauth from "oauth4webapi";
import { DanceError } from "../errors.js";
import type { ProviderSpec } from "../provider.js";

/**
 * Fetch and check the discovery document of `issuer`. Throws {@link DanceError} `discovery_failed`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export async function discover(provider: ProviderSpec, issuer: string): Promise<oauth.AuthorizationServer> {
  const mismatch = () =>
    new DanceError(
      "discovery_failed",
      `The discovery document of provider "${provider.id}" names another issuer than the configured ${issuer}: check \`issuer\` (a trailing slash counts).`,
      { provider: provider.id },
    );
  let response: Response;
  try {
    response = await oauth.discoveryRequest(new URL(issuer), { ...provider.httpOptions(), algorithm: "oidc" });
  } catch (cause) {
    throw new DanceError("discovery_failed", `Could not reach ${issuer} for OpenID discovery.`, { provider: provider.id, cause });
  }
  let as: oauth.AuthorizationServer;
  try {
    as = await oauth.processDiscoveryResponse(new URL(issuer), response);
  } catch (cause) {
    if (cause instanceof oauth.OperationProcessingError && cause.code === oauth.JSON_ATTRIBUTE_COMPARISON) throw mismatch();
    throw new DanceError("discovery_failed", `The discovery document of provider "${provider.id}" at ${issuer} is invalid.`, { provider: provider.id, cause });
  }
  // oauth4webapi compares the issuers as parsed URLs; OpenID Discovery §4.3 requires the identical string.
  if (as.issuer !== issuer) throw mismatch();
  return as;
}
