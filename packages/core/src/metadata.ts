/**
 * A provider's endpoints once known: pinned in its definition, or discovered from
 * `{issuer}/.well-known/openid-configuration` by `@dance/core/oidc` (cached per issuer, shared
 * by every instance of one Dance, retried after a failure).
 *
 * @internal
 * @module
 */
import { DanceError } from "./errors.js";
import type { AuthorizationServer } from "./oauth2.js";
import { DEFAULT_ID_TOKEN_ALGS, insecureEndpointMessage, isSafeEndpoint, type ProviderSpec } from "./provider.js";
import type { SharedCaches } from "./shared.js";

/** Endpoints of a provider once known (pinned or discovered). */
export interface ProviderMetadata {
  as: AuthorizationServer;
  /** id_token algorithms accepted (the provider's list, narrowed to asymmetric ones). */
  algorithms: readonly string[];
  authorizationUrl: string;
  tokenUrl: string;
  /** The id_token key set of OpenID providers (`@dance/core/oidc`'s, opaque here). */
  jwks: unknown;
  apiBaseUrl: string | undefined;
  /** Origins `session.fetch` attaches the token to. */
  apiOrigins: ReadonlySet<string>;
}

/** A provider with its lazily loaded metadata: what the steps and sessions work with. */
export interface ResolvedProvider extends ProviderSpec {
  /** The endpoints, resolved once; a failed discovery is retried on the next use. */
  metadata(): Promise<ProviderMetadata>;
}

/** Where metadata comes from: the provider's fetch and timeout, and the caches shared by one Dance. */
export interface MetadataOptions {
  fetch: typeof fetch;
  timeout: number;
  shared: SharedCaches;
}

/** Add `metadata()` to a provider. */
export function withMetadata(provider: ProviderSpec, options: MetadataOptions): ResolvedProvider {
  let loading: Promise<ProviderMetadata> | undefined;
  const metadata = () => {
    if (!loading) {
      loading = load(provider, options);
      loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };
  return Object.freeze({ ...provider, metadata });
}

async function load(provider: ProviderSpec, options: MetadataOptions): Promise<ProviderMetadata> {
  const { def } = provider;
  const pinned = Boolean(def.authorizationUrl && def.tokenUrl);
  if (!(provider.oidc && (def.discovery ?? !pinned))) {
    // Non-OpenID providers have no issuer: a stable synthetic one names the metadata (RFC 9207 checks need a configured `issuer`).
    const issuer = def.issuer ?? new URL(def.authorizationUrl!).origin;
    return build(provider, { issuer, ...(def.issuer ? {} : { authorization_response_iss_parameter_supported: false }) }, options);
  }
  const issuer = def.issuer!;
  let discovering = options.shared.discovery.get(issuer);
  if (!discovering) {
    discovering = provider.openid!.discover(provider, issuer);
    options.shared.discovery.set(issuer, discovering);
    discovering.catch(() => options.shared.discovery.delete(issuer));
  }
  const as = await discovering;
  try {
    return build(provider, as, options);
  } catch (cause) {
    // Not a document to keep: discover again next time.
    if (options.shared.discovery.get(issuer) === discovering) options.shared.discovery.delete(issuer);
    // Discovered metadata that cannot work (no token endpoint, plain http) is the provider's fault at request time.
    throw new DanceError("discovery_failed", (cause as Error).message, { provider: provider.id, cause });
  }
}

function build(provider: ProviderSpec, as: AuthorizationServer, options: MetadataOptions): ProviderMetadata {
  const { def, id } = provider;
  const authorizationUrl = def.authorizationUrl ?? as.authorization_endpoint;
  const tokenUrl = def.tokenUrl ?? as.token_endpoint;
  if (!authorizationUrl || !tokenUrl) throw new TypeError(`provider "${id}": the metadata of ${def.issuer} has no authorization or token endpoint.`);
  for (const url of [authorizationUrl, tokenUrl, as.jwks_uri, as.userinfo_endpoint, as.revocation_endpoint]) {
    if (!isSafeEndpoint(url, def.allowInsecureRequests === true)) throw new TypeError(`provider "${id}": discovered endpoint ${insecureEndpointMessage(url!)}`);
  }
  const jwksUrl = def.jwksUrl ?? as.jwks_uri;
  const apiBaseUrl = def.apiBaseUrl ?? (as.userinfo_endpoint ? new URL("./", as.userinfo_endpoint).href : undefined);
  const origins = new Set<string>();
  for (const u of [def.apiBaseUrl, as.userinfo_endpoint, def.userinfoUrl, ...(def.apiOrigins ?? [])]) if (u) origins.add(new URL(u).origin);
  const allowed: readonly string[] = def.idTokenAlgorithms ?? DEFAULT_ID_TOKEN_ALGS;
  const full: AuthorizationServer = {
    id_token_signing_alg_values_supported: [...allowed],
    ...as,
    authorization_endpoint: authorizationUrl,
    token_endpoint: tokenUrl,
    ...(jwksUrl ? { jwks_uri: jwksUrl } : {}),
    ...(def.userinfoUrl ? { userinfo_endpoint: def.userinfoUrl } : {}),
    ...(def.revocationUrl ? { revocation_endpoint: def.revocationUrl } : {}),
  };
  return Object.freeze({
    as: Object.freeze(full),
    algorithms: Object.freeze((def.idTokenAlgorithms ?? as.id_token_signing_alg_values_supported ?? allowed).filter((alg) => allowed.includes(alg))),
    authorizationUrl,
    tokenUrl,
    jwks: jwksUrl && provider.openid ? provider.openid.jwks(jwksUrl, options) : undefined,
    apiBaseUrl,
    apiOrigins: origins,
  });
}
