/**
 * OAuth 1.0a in the dance (RFC 5849 §2), on the signing layer of this folder: a provider
 * definition resolved once, and the protocol steps `protocol.ts` dispatches to.
 *
 * - Login: a signed temporary-credentials request carrying `oauth_callback`; the answer must
 *   say `oauth_callback_confirmed=true` (OAuth 1.0a, not the session-fixation-prone 1.0); the
 *   request token and its secret go into the sealed login transaction, keyed by the request
 *   token (Flask-Dance drops the secret between the two requests; this does not); then the
 *   redirect to the authorization URL.
 * - Callback: `oauth_token` must equal a request token this browser holds (constant-time, in
 *   `transaction.ts`), before anything else is looked at; `denied=` ends in the error event;
 *   `oauth_verifier` is required; the access-token request is signed with the request-token
 *   secret.
 * - API calls: every request signed in the `Authorization` header (`signOAuth1Request`).
 *
 * Provider faults are {@link DanceError}s with the codes OAuth 2 uses for the same fault, and
 * carry what the provider said (`providerError`), in Flask-Dance's words where it has some.
 *
 * @internal
 * @module
 */
import { cleanProviderText, DanceConfigError, DanceError, type DanceErrorCode } from "../errors.js";
import type { CompleteLoginResult } from "../login.js";
import type { ProviderMetadata } from "../metadata.js";
import type { LoginFinish, LoginStart, ProtocolSteps } from "../protocol.js";
import { checkEndpointUrls, checkId, envPrefix, paramString, type EndpointField, type ResolveOptions } from "../provider.js";
import type { HttpOptions } from "../oauth2.js";
import { saveTransaction, takeTransaction, transactionFailure, type LoginTransaction } from "../transaction.js";
import type { OAuth1ProviderDefinition, Token } from "../types.js";
import { checkRealm } from "./base-string.js";
import { checkRsaCryptoKey, looksLikePem, parseRsaPrivateKeyPem } from "./keys.js";
import { oauth1AccessTokenRequest, oauth1RequestTokenRequest, parseOAuth1TokenResponse, signOAuth1Request, type OAuth1TokenResponse } from "./request.js";
import { createOAuth1Signer, type OAuth1SignatureMethod, type OAuth1Signer } from "./signer.js";

/**
 * A validated OAuth 1.0a provider bound to its credentials. Besides its own parts it answers
 * what the shared session reads of any provider — `clientId` (the client identifier),
 * `refreshEnabled` (never: OAuth 1 tokens do not expire), `metadata()` (API base and origins; no
 * revocation or end-session endpoint), `httpOptions()` — in the vocabulary of OAuth 2.
 */
export interface OAuth1Provider {
  readonly def: Readonly<OAuth1ProviderDefinition>;
  readonly id: string;
  /** The client identifier (`oauth_consumer_key`). */
  readonly clientId: string;
  readonly signatureMethod: OAuth1SignatureMethod;
  readonly requestTokenUrl: string;
  readonly authorizationUrl: string;
  readonly accessTokenUrl: string;
  readonly authorizationParams: readonly (readonly [string, string])[];
  /** OAuth 1 tokens do not expire; nothing is refreshed. */
  readonly refreshEnabled: false;
  /** The configured client, its RSA key imported (or read) once, on first use. Throws {@link DanceConfigError}. */
  signer(): Promise<OAuth1Signer>;
  /** The API base URL and origins; waits for {@link OAuth1Provider.signer} so `dance.ready()` checks the key. */
  metadata(): Promise<ProviderMetadata>;
  /** The configured fetch and timeout. */
  httpOptions(): HttpOptions;
  /** The configured clock (milliseconds): `oauth_timestamp` follows it. */
  readonly now: () => number;
}

const METHODS: readonly OAuth1SignatureMethod[] = ["HMAC-SHA1", "RSA-SHA1", "PLAINTEXT"];
/** Protocol parameters of the authorization redirect that Dance sets. */
const RESERVED_PARAMS = new Set(["oauth_token"]);
const MAX_TOKEN_BODY = 256 * 1024;

/** Validate an OAuth 1.0a provider definition and bind it to its credentials. Throws {@link DanceConfigError}. */
export function resolveOAuth1Provider(input: OAuth1ProviderDefinition, options: ResolveOptions): OAuth1Provider {
  const def = Object.freeze({ ...input });
  const id = checkId(def.id);
  const fail = (message: string, cause?: unknown): never => {
    throw new DanceConfigError(`provider "${id}": ${message}`, { provider: id, cause });
  };
  const signatureMethod = def.signatureMethod ?? "HMAC-SHA1";
  if (!METHODS.includes(signatureMethod)) fail(`\`signatureMethod\` must be one of ${METHODS.join(", ")}.`);
  checkEndpoints(def, signatureMethod, fail);

  const prefix = envPrefix(id);
  const names = {
    clientKey: def.env?.clientKey ?? `${prefix}_OAUTH_CLIENT_KEY`,
    clientSecret: def.env?.clientSecret ?? `${prefix}_OAUTH_CLIENT_SECRET`,
    rsaKey: def.env?.rsaKey ?? `${prefix}_OAUTH_RSA_KEY`,
  };
  const fromEnv = (name: string) => (typeof options.env[name] === "string" && options.env[name] !== "" ? (options.env[name] as string) : undefined);
  const clientKey = def.clientKey || fromEnv(names.clientKey);
  if (!clientKey) return fail(`no client key. Set the ${names.clientKey} environment variable or pass \`clientKey\`.`);

  let clientSecret: string | undefined;
  let rsaKey: string | CryptoKey | undefined;
  /** Where the RSA key came from, for messages (never the key itself). */
  const rsaSource = def.rsaKey ? "`rsaKey`" : names.rsaKey;
  if (signatureMethod === "RSA-SHA1") {
    rsaKey = def.rsaKey || fromEnv(names.rsaKey);
    if (!rsaKey) return fail(`RSA-SHA1 needs the client's RSA private key. Set the ${names.rsaKey} environment variable or pass \`rsaKey\` (PEM text).`);
    try {
      if (typeof rsaKey !== "string") checkRsaCryptoKey(rsaKey);
      else if (looksLikePem(rsaKey)) parseRsaPrivateKeyPem(rsaKey);
      else if (!def.hooks?.rsaKeyFile) fail(`${rsaSource} is not PEM text ("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----").`);
    } catch (cause) {
      if (cause instanceof DanceConfigError) throw cause;
      fail(`${rsaSource}: ${(cause as Error).message.replace(/^OAuth 1 RSA-SHA1: /, "")}.`, cause);
    }
  } else {
    clientSecret = def.clientSecret || fromEnv(names.clientSecret);
    if (!clientSecret) return fail(`no client secret. Set the ${names.clientSecret} environment variable or pass \`clientSecret\`.`);
    if (def.rsaKey) fail('`rsaKey` is only used with `signatureMethod: "RSA-SHA1"`.');
  }
  if (def.realm !== undefined) {
    try {
      checkRealm(def.realm);
    } catch (cause) {
      fail((cause as Error).message, cause);
    }
  }
  const authorizationParams: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(def.authorizationParams ?? {})) {
    if (RESERVED_PARAMS.has(name)) fail(`authorization parameter "${name}" is set by Dance and cannot be overridden.`);
    const text = paramString(value);
    if (text !== undefined) authorizationParams.push(Object.freeze([name, text] as const));
  }

  let signing: Promise<OAuth1Signer> | undefined;
  const makeSigner = async (): Promise<OAuth1Signer> => {
    let privateKey = rsaKey;
    if (typeof rsaKey === "string" && !looksLikePem(rsaKey)) {
      try {
        privateKey = await def.hooks!.rsaKeyFile!(rsaKey);
      } catch (cause) {
        // A Node error names the path, which may be a mangled key: say only what kind of failure it was.
        const code = (cause as { code?: unknown }).code;
        const why = typeof code === "string" ? code : (cause as Error).message;
        throw new DanceConfigError(`provider "${id}": ${rsaSource} is neither PEM text nor a key file that can be read (${why}).`, { provider: id, cause });
      }
      if (typeof privateKey !== "string" || !looksLikePem(privateKey)) {
        throw new DanceConfigError(`provider "${id}": the key file named by ${rsaSource} holds no PEM text.`, { provider: id });
      }
    }
    try {
      return await createOAuth1Signer({ consumerKey: clientKey, consumerSecret: clientSecret, privateKey, signatureMethod, realm: def.realm, includeVersion: def.includeVersion });
    } catch (cause) {
      throw new DanceConfigError(`provider "${id}": ${rsaKey ? `${rsaSource}: ` : ""}${(cause as Error).message}`, { provider: id, cause });
    }
  };
  const signer = () => {
    if (!signing) {
      signing = makeSigner();
      // A key file may become readable; anything else fails the same way next time.
      signing.catch(() => {
        signing = undefined;
      });
    }
    return signing;
  };

  const origins = new Set<string>();
  for (const u of [def.apiBaseUrl, ...(def.apiOrigins ?? [])]) if (u) origins.add(new URL(u).origin);
  const metadata: ProviderMetadata = Object.freeze({
    as: Object.freeze({ issuer: new URL(def.authorizationUrl).origin }),
    algorithms: Object.freeze([]),
    authorizationUrl: def.authorizationUrl,
    tokenUrl: def.accessTokenUrl,
    jwks: undefined,
    apiBaseUrl: def.apiBaseUrl,
    apiOrigins: origins,
  });
  return Object.freeze({
    def,
    id,
    clientId: clientKey,
    signatureMethod,
    requestTokenUrl: def.requestTokenUrl,
    authorizationUrl: def.authorizationUrl,
    accessTokenUrl: def.accessTokenUrl,
    authorizationParams: Object.freeze(authorizationParams),
    refreshEnabled: false as const,
    signer,
    metadata: async () => {
      await signer();
      return metadata;
    },
    // Every URL was checked by checkEndpoints(): https, loopback, or explicitly allowed.
    httpOptions: () => ({ fetch: options.fetch, signal: AbortSignal.timeout(options.timeout) }),
    now: options.now,
  });
}

function checkEndpoints(def: OAuth1ProviderDefinition, method: OAuth1SignatureMethod, fail: (message: string) => never): void {
  const urls: EndpointField[] = [
    ["requestTokenUrl", def.requestTokenUrl, true],
    ["authorizationUrl", def.authorizationUrl, true],
    ["accessTokenUrl", def.accessTokenUrl, true],
    ["apiBaseUrl", def.apiBaseUrl, false],
    ...(def.apiOrigins ?? []).map((origin): EndpointField => ["apiOrigins[]", origin, true]),
  ];
  checkEndpointUrls(urls, def.allowInsecureRequests === true, fail, (field, url) => {
    // PLAINTEXT sends the secrets themselves: only over TLS (RFC 5849 §3.4.4). The browser-facing authorization URL carries none.
    if (method === "PLAINTEXT" && field !== "authorizationUrl" && url.protocol !== "https:") {
      fail(`PLAINTEXT sends the client and token secrets as they are: \`${field}\` must be https (or use HMAC-SHA1).`);
    }
  });
}

/** The identifier and secret of a stored OAuth 1 token. */
function credentialsOf(token: Token): { oauth_token: string; oauth_token_secret: string | undefined } {
  const id = typeof token["oauth_token"] === "string" ? token["oauth_token"] : token.access_token;
  const secret = token["oauth_token_secret"];
  return { oauth_token: id, oauth_token_secret: typeof secret === "string" ? secret : undefined };
}

/** A provider's answer, read once. */
interface Answer {
  status: number;
  text: string;
}

/** A body in the form encoding of RFC 5849 §2.1 (Twitter labels it `text/html`, so the content decides, not the type). */
function isFormBody(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.includes("=") && /^[^\s<>{}"]+$/.test(trimmed);
}

/** Send a token request; a network fault, timeout or truncated answer is `provider_unavailable`. */
async function send(provider: OAuth1Provider, request: Request, step: string): Promise<Answer> {
  const http = provider.httpOptions();
  try {
    const response = await http.fetch(request, { redirect: "manual", signal: http.signal });
    const text = await response.text();
    if (text.length > MAX_TOKEN_BODY) throw new RangeError(`a ${text.length}-character body`);
    return { status: response.status, text };
  } catch (cause) {
    throw new DanceError("provider_unavailable", `The ${step} endpoint of ${provider.id} could not be reached or did not answer completely.`, { provider: provider.id, cause });
  }
}

/**
 * Read a token answer (RFC 5849 §2.1, §2.3) by its content: 5xx, redirects and bodies that are
 * not the form encoding (an HTML error page, JSON) are `provider_unavailable`; 4xx and a form
 * without the token and its secret are `token_exchange_failed`. Each carries what the provider
 * said — its `oauth_problem` (the OAuth Problem Reporting extension) or its `error`, and the
 * body in Flask-Dance's words — but never a token value.
 */
function tokenAnswer(provider: OAuth1Provider, step: "request-token" | "access-token", answer: Answer): OAuth1TokenResponse {
  const { status, text } = answer;
  const id = provider.id;
  const form = isFormBody(text);
  const refused = (code: DanceErrorCode, description: string, error: string) =>
    new DanceError(code, `The ${step} endpoint of ${id}: ${cleanProviderText(description)}`, {
      provider: id,
      providerError: { error: cleanProviderText(error, 64) ?? `http_${status}`, description: cleanProviderText(description), uri: undefined },
    });
  if (status < 200 || status >= 300) {
    const failed = `Token request failed with code ${status}, response was '${text.trim()}'.`;
    const problem = form ? new URLSearchParams(text.trim()).get("oauth_problem") : jsonError(text);
    throw refused(status >= 400 && status < 500 ? "token_exchange_failed" : "provider_unavailable", failed, problem ?? `http_${status}`);
  }
  if (!form) throw refused("provider_unavailable", `Token request answered HTTP ${status} with a body that is not a token response: '${text.trim()}'.`, "invalid_response");
  const parsed = parseOAuth1TokenResponse(text.trim());
  if (!parsed) {
    // Names only: the values may hold the very secret that is missing its partner.
    const names = [...new Set(new URLSearchParams(text.trim()).keys())].join(", ");
    throw refused("token_exchange_failed", `Response does not contain a token: {${names}}`, "invalid_token_response");
  }
  return parsed;
}

function jsonError(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
    return typeof error === "string" ? error : undefined;
  } catch {
    return undefined;
  }
}

/** The steps of one OAuth 1.0a provider. */
export function oauth1Steps(provider: OAuth1Provider): ProtocolSteps {
  const { id, def } = provider;
  const fail = (code: DanceErrorCode, message: string, cause?: unknown) => new DanceError(code, message, { provider: id, cause });
  // Flask-Dance (requests-oauthlib): HMAC and PLAINTEXT need the token and its secret; RSA only the token.
  const hasCredentials = (token: Token): boolean => {
    const { oauth_token, oauth_token_secret } = credentialsOf(token);
    return typeof oauth_token === "string" && oauth_token !== "" && (provider.signatureMethod === "RSA-SHA1" || (oauth_token_secret !== undefined && oauth_token_secret !== ""));
  };

  return Object.freeze({
    // `input.scope` (incremental authorization) is OAuth 2's: an OAuth 1 grant has no scope to widen.
    async beginLogin(input: LoginStart): Promise<URL> {
      const signer = await provider.signer();
      const request = await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback: input.redirectUri, now: () => input.now });
      const answer = tokenAnswer(provider, "request-token", await send(provider, request, "request-token"));
      if (answer["oauth_callback_confirmed"] !== "true") {
        throw new DanceError("token_exchange_failed", `${id} did not confirm the callback (oauth_callback_confirmed=true): it is not an OAuth 1.0a provider, or the request token was not issued for this login.`, {
          provider: id,
          providerError: { error: "callback_not_confirmed", description: "The request-token answer lacks oauth_callback_confirmed=true (RFC 5849 §2.1).", uri: undefined },
        });
      }
      const transaction: LoginTransaction = {
        p: id,
        s: answer.oauth_token,
        v: "",
        k: answer.oauth_token_secret,
        r: input.redirectUri,
        t: input.returnTo,
        e: input.now + input.maxAge * 1000,
      };
      const url = new URL(provider.authorizationUrl);
      const q = url.searchParams;
      q.set("oauth_token", answer.oauth_token);
      for (const [name, value] of provider.authorizationParams) q.set(name, value);
      for (const [name, value] of Object.entries(input.params ?? {})) if (!q.has(name)) q.set(name, value);
      await saveTransaction(input.cookies, transaction, input.now, "Lax");
      return url;
    },

    async completeLogin(input: LoginFinish): Promise<CompleteLoginResult> {
      const { params } = input;
      const tokens = params.getAll("oauth_token");
      const denied = params.getAll("denied");
      // The request token is this protocol's state: it alone finds the login, before anything else is read.
      const found = await takeTransaction(input.cookies, id, tokens.length > 0 ? tokens : denied, input.now(), "Lax");
      if (found.kind !== "found") {
        throw fail(...transactionFailure(found.kind, id, input.insecureOrigin, { noState: "The callback carries no oauth_token.", mismatch: "The callback oauth_token is not the request token of a login started in this browser." }));
      }
      const tx = found.tx;
      if (tx.p !== id || typeof tx.k !== "string" || typeof tx.r !== "string" || typeof tx.t !== "string") {
        throw fail("invalid_transaction", `The login transaction is not an OAuth 1 login with ${id}.`);
      }
      if (!input.consumeState(`oauth1\u0000${id}\u0000${tx.s}`, tx.e)) throw fail("missing_transaction", "This login callback was already used.");
      if (denied.length > 0) {
        throw new DanceError("provider_error", `${id} did not authorize the login: access denied.`, {
          provider: id,
          providerError: { error: "access_denied", description: "The user refused to authorize the request token (denied=).", uri: undefined },
        });
      }
      const verifiers = params.getAll("oauth_verifier");
      // Flask-Dance's words for it.
      if (verifiers.length !== 1 || verifiers[0] === "") throw fail("invalid_callback", "No client verifier has been set.");

      const signer = await provider.signer();
      const request = await oauth1AccessTokenRequest(signer, provider.accessTokenUrl, {
        requestToken: { oauth_token: tx.s, oauth_token_secret: tx.k },
        verifier: verifiers[0]!,
        now: input.now,
      });
      const answer = tokenAnswer(provider, "access-token", await send(provider, request, "access-token"));
      const token: Token = { ...answer, access_token: answer.oauth_token, token_type: "oauth1" };
      return { token, claims: undefined, returnTo: tx.t };
    },

    async attachCredentials(request: Request, token: Token): Promise<Request> {
      if (!hasCredentials(token)) {
        throw new DanceError("not_authorized", `The stored ${id} token lacks its oauth_token${provider.signatureMethod === "RSA-SHA1" ? "" : " or oauth_token_secret"}: log in again.`, { provider: id });
      }
      const outgoing = def.hooks?.apiRequest ? await def.hooks.apiRequest(request, { token, clientKey: provider.clientId }) : request;
      const { oauth_token, oauth_token_secret } = credentialsOf(token);
      return signOAuth1Request(await provider.signer(), outgoing, { oauth_token, oauth_token_secret: oauth_token_secret ?? "" }, { now: provider.now });
    },

    hasCredentials,

    async refresh(): Promise<Token> {
      throw new DanceError("reauth_required", `${id} is an OAuth 1 provider: its tokens are not refreshed. Log in again.`, { provider: id });
    },

    // RFC 5849 defines no revocation; the session deletes its copy with deleteToken().
    async revoke(): Promise<void> {
      throw new DanceError("unsupported_operation", `${id} is an OAuth 1 provider: it has no token revocation endpoint. Use deleteToken() to forget the token.`, { provider: id });
    },
  });
}
