/**
 * The one place Dance dispatches on the protocol. A provider definition is resolved by its
 * protocol's module ({@link resolveAnyProvider}); everything that differs between OAuth 2 and
 * OAuth 1.0a afterwards — the two steps of the dance, how a token goes on an API request,
 * whether a token is usable, refreshing, revoking — is a {@link ProtocolSteps} found by {@link stepsOf}.
 * The instance, the routes and the session call these and never ask which protocol they serve.
 *
 * - OAuth 2 / OpenID Connect: `login.ts` (the steps), `refresh.ts` (the grant), and the Bearer
 *   header and RFC 7009 revocation here.
 * - OAuth 1.0a: `oauth1/dance.ts`, on the signing layer of `oauth1/` — reached only through the
 *   definition's `support` (`oauth1Protocol` from `@dance/core/oauth1`), never imported here, so
 *   bundles without an OAuth 1 provider leave it out.
 *
 * @internal
 * @module
 */
import { DanceError } from "./errors.js";
import { beginLogin, completeLogin, type BeginLoginInput, type CompleteLoginInput, type CompleteLoginResult } from "./login.js";
import { withMetadata, type MetadataOptions, type ResolvedProvider } from "./metadata.js";
import { postForm } from "./oauth2.js";
import type { OAuth1Provider } from "./oauth1/dance.js";
import { checkId, resolveProvider, type ResolveOptions } from "./provider.js";
import { refreshToken } from "./refresh.js";
import { supportOf, type OAuth1Support } from "./support.js";
import type { ProviderDefinition, Token } from "./types.js";

/** A configured provider of any protocol. */
export type AnyProvider = ResolvedProvider | OAuth1Provider;

/** What step 1 is given (the provider is bound). */
export type LoginStart = Omit<BeginLoginInput, "provider">;

/** What step 2 is given (the provider is bound). */
export type LoginFinish = Omit<CompleteLoginInput, "provider">;

/** What a protocol does for one provider. */
export interface ProtocolSteps {
  /** Step 1: seal the login transaction (queued on `input.cookies`) and return the provider URL to redirect to. */
  beginLogin(input: LoginStart): Promise<URL>;
  /** Step 2: check the callback against its transaction and obtain the token (not stored). Throws {@link DanceError}. */
  completeLogin(input: LoginFinish): Promise<CompleteLoginResult>;
  /** Put `token` on an API request (a Bearer header, an OAuth 1 signature); the provider's `apiRequest` hook runs here. */
  attachCredentials(request: Request, token: Token): Promise<Request>;
  /** Whether `token` carries what requests need (Flask-Dance's `authorized`). */
  hasCredentials(token: Token): boolean;
  /** Obtain a fresh token for an expiring one (the grant `refreshShared` coordinates). Throws {@link DanceError} (`reauth_required` when refused for good). */
  refresh(token: Token, now: () => number, idTokenMaxAge: number): Promise<Token>;
  /**
   * Revoke `token` at the provider (not deleting it here). Throws {@link DanceError}:
   * `unsupported_operation` when the provider has no way to, `provider_unavailable` when it failed.
   */
  revoke(token: Token, fetch: typeof globalThis.fetch): Promise<void>;
}

const isOAuth1 = (provider: AnyProvider): provider is OAuth1Provider => provider.def.protocol === "oauth1";

/** Validate a provider definition once, with its protocol's module. Throws {@link DanceConfigError}. */
export function resolveAnyProvider(definition: ProviderDefinition, options: ResolveOptions, metadata: MetadataOptions): AnyProvider {
  if (definition?.protocol === "oauth1") return supportOf(checkId(definition.id), definition.support, "oauth1").resolve(definition, options);
  return withMetadata(resolveProvider(definition, options), metadata);
}

const steps = new WeakMap<AnyProvider, ProtocolSteps>();

/** The steps of `provider`'s protocol, bound to it. */
export function stepsOf(provider: AnyProvider): ProtocolSteps {
  let found = steps.get(provider);
  if (!found) steps.set(provider, (found = isOAuth1(provider) ? (provider.def.support as OAuth1Support).steps(provider) : oauth2Steps(provider)));
  return found;
}

/** OAuth 2 / OpenID Connect: `login.ts`, `refresh.ts`, and the token in the `Authorization` header (RFC 6750 §2.1). */
function oauth2Steps(provider: ResolvedProvider): ProtocolSteps {
  return Object.freeze({
    beginLogin: async (input: LoginStart) => (await beginLogin({ ...input, provider })).url,
    completeLogin: (input: LoginFinish) => completeLogin({ ...input, provider }),
    async attachCredentials(request: Request, token: Token) {
      // The provider's fixed headers (Heroku's versioned Accept, Reddit's User-Agent); the app's own win.
      for (const [name, value] of Object.entries(provider.def.apiHeaders ?? {})) if (!request.headers.has(name)) request.headers.set(name, value);
      request.headers.set("authorization", `${provider.tokenScheme} ${token.access_token}`);
      return provider.def.hooks?.apiRequest ? provider.def.hooks.apiRequest(request, { token, clientId: provider.clientId }) : request;
    },
    hasCredentials: (token: Token) => typeof token.access_token === "string" && token.access_token !== "",
    refresh: (token: Token, now: () => number, idTokenMaxAge: number) => refreshToken(provider, token, now, idTokenMaxAge),
    revoke: (token: Token, fetchImpl: typeof fetch) => revokeToken(provider, token, fetchImpl),
  });
}

/** RFC 7009 at the `revocationUrl`, or the provider's `revoke` hook (GitHub deletes the grant through its REST API). */
async function revokeToken(provider: ResolvedProvider, token: Token, fetchImpl: typeof fetch): Promise<void> {
  const hook = provider.def.hooks?.revoke;
  const metadata = await provider.metadata();
  if (!hook && !metadata.as.revocation_endpoint) {
    throw new DanceError("unsupported_operation", `${provider.id} has no token revocation endpoint.`, { provider: provider.id });
  }
  try {
    if (hook) await hook(token, { clientId: provider.clientId, clientSecret: provider.clientSecret, fetch: (input, init) => fetchImpl(input, { signal: provider.httpOptions().signal, ...init }) });
    else {
      const body = new URLSearchParams(token.refresh_token ? { token: token.refresh_token, token_type_hint: "refresh_token" } : { token: token.access_token, token_type_hint: "access_token" });
      const response = await postForm(metadata.as.revocation_endpoint!, body, provider.clientAuth, provider.httpOptions(), false);
      // RFC 7009 §2.2: 200 when revoked (or the token was invalid already); anything else failed.
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      await response.body?.cancel();
    }
  } catch (cause) {
    throw new DanceError("provider_unavailable", `Revoking the ${provider.id} token failed.`, { provider: provider.id, cause });
  }
}
