/**
 * A small, controllable OAuth 2 / OpenID Connect provider on loopback, for the faults a real
 * provider will not produce on demand: a token endpoint whose every answer a test can script
 * (status, headers, body, delay, reset connection, form-encoded or HTML bodies), id_tokens with
 * arbitrary claims and headers (wrong `iss`/`aud`, missing claims, `alg: none`, HS256 signed
 * with the RSA public key, bad signatures), an overridable discovery document, and a record of
 * every request it received.
 *
 * It is a fake, not a provider: for end-to-end tests against a real OpenID Provider, use
 * `oidc-provider`.
 *
 * @example
 * ```ts
 * import { startFakeProvider } from "@dance/testing";
 *
 * const fake = await startFakeProvider();
 * const dance = createDance({
 *   secret,
 *   providers: [oidc({ id: "fake", issuer: fake.issuer, clientId: fake.clientId, clientSecret: fake.clientSecret })],
 * });
 * fake.onToken({ status: 400, body: { error: "invalid_grant" } });
 * // … drive dance.handler() …
 * expect(fake.tokenRequests).toHaveLength(1);
 * await fake.close();
 * ```
 * @module
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { base64url, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";

/** Options of {@link startFakeProvider}. */
export interface FakeProviderOptions {
  /** The client id the fake accepts. Default `"fake-client"`. */
  clientId?: string;
  /** The client secret the fake accepts (HTTP Basic or form fields). Default a fixed 40-character string. */
  clientSecret?: string;
  /** The `sub` of the end user it logs in. Default `"user-1"`. */
  subject?: string;
  /** The clock used for `iat`/`exp` of the id_tokens it signs, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Issue a new refresh token on every refresh (rotation). Default true. */
  rotateRefreshTokens?: boolean;
  /** Lifetime of the access tokens it issues, seconds (`expires_in`). Default 3600. */
  expiresIn?: number;
}

/** One HTTP request the fake received. */
export interface RecordedRequest {
  /** The HTTP method, e.g. `POST`. */
  method: string;
  /** The path without the query, e.g. `/token`. */
  path: string;
  /** The query parameters. */
  query: URLSearchParams;
  /** Header names are lower-case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw body. */
  body: string;
  /** The body parsed as a form (empty when it is not one). */
  form: URLSearchParams;
}

/** What the authorization endpoint saw, kept per issued code. */
export interface AuthorizationRecord {
  /** `client_id`. */
  clientId: string | null;
  /** `redirect_uri` (the token request must repeat it). */
  redirectUri: string | null;
  /** `state`, sent back unchanged. */
  state: string | null;
  /** `nonce`, put into the id_token. */
  nonce: string | null;
  /** `scope`; `openid` in it makes the fake issue an id_token. */
  scope: string | null;
  /** `code_challenge` (checked against the `code_verifier` of the token request). */
  codeChallenge: string | null;
  /** `code_challenge_method`; only `S256` passes the fake's check. */
  codeChallengeMethod: string | null;
  /** The authorization code issued for it. */
  code: string;
}

/** A scripted token endpoint answer. */
export interface TokenReply {
  /** HTTP status. Default 200. */
  status?: number;
  /** Response headers. Default `content-type: application/json` for object bodies. */
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: string | Record<string, unknown>;
  /** Wait this long before answering, in milliseconds (for timeouts). */
  delayMs?: number;
  /**
   * Reset the connection: `true` / `"before-headers"` destroys the socket without answering;
   * `"mid-body"` sends the headers and half the body first.
   */
  reset?: boolean | "before-headers" | "mid-body";
}

/** Changes to the fake's standard (valid) token answer. */
export interface StandardTokenOptions {
  /** id_token claims to change; a claim set to `undefined` is removed. */
  claims?: Record<string, unknown>;
  /** Replace the id_token: a string, `null` to leave it out, or a function of the (changed) default claims. */
  idToken?: string | null | ((claims: JWTPayload) => string | Promise<string>);
  /** Fields of the JSON body to change; a field set to `undefined` is removed. */
  body?: Record<string, unknown>;
}

/** What a {@link TokenHandler} is given. */
export interface TokenRequestContext {
  /** The recorded request. */
  request: RecordedRequest;
  /** `grant_type` of the form. */
  grantType: string | null;
  /** For the authorization_code grant: what the authorization request that issued this code carried. */
  authorization: AuthorizationRecord | undefined;
  /**
   * The answer the fake gives by default: after checking client authentication, code, PKCE
   * verifier and redirect_uri (or the refresh token), a token response with a signed id_token
   * when `openid` was requested — or the OAuth error the checks produced.
   */
  standard(options?: StandardTokenOptions): Promise<TokenReply>;
}

/** Scripts the token endpoint: return the reply for this request. */
export type TokenHandler = (context: TokenRequestContext) => TokenReply | Promise<TokenReply>;

/** Options of {@link FakeProvider.signIdToken}. */
export interface SignOptions {
  /** The JWS algorithm, using the provider's RSA key. Default `RS256`. */
  alg?: "RS256" | "RS384" | "RS512" | "PS256";
  /** Extra or changed protected header parameters. */
  header?: Record<string, unknown>;
  /** Sign with another RSA key under the same `kid` (a bad signature). Default false. */
  foreignKey?: boolean;
}

/** A running fake provider. */
export interface FakeProvider {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The issuer identifier (equal to {@link FakeProvider.url}). */
  readonly issuer: string;
  /** The client id it accepts. */
  readonly clientId: string;
  /** The client secret it accepts. */
  readonly clientSecret: string;
  /** `{url}/authorize`. */
  readonly authorizationEndpoint: string;
  /** `{url}/token`. */
  readonly tokenEndpoint: string;
  /** `{url}/jwks`. */
  readonly jwksUri: string;
  /** `{url}/userinfo`; `{url}/api/*` answers the same way (an API to call with the token). */
  readonly userinfoEndpoint: string;
  /** The public key set served at {@link FakeProvider.jwksUri}. */
  readonly jwks: { keys: JWK[] };
  /** Every request received, oldest first (cleared by {@link FakeProvider.reset}). */
  readonly requests: readonly RecordedRequest[];
  /** The requests to the token endpoint. */
  readonly tokenRequests: readonly RecordedRequest[];
  /** The authorization requests, in order, with the code issued for each. */
  readonly authorizations: readonly AuthorizationRecord[];
  /** The requests received on a path (e.g. `/token`, `/api/me`). */
  requestsTo(path: string): RecordedRequest[];
  /**
   * Change the parameters of the redirect back from the authorization endpoint:
   * a value replaces or adds a parameter (`{ state: "other" }`, `{ error: "access_denied" }`),
   * `null` removes it (`{ iss: null }`). By default the fake sends `code`, `state` and `iss`.
   */
  setCallbackParams(params: Record<string, string | null>): void;
  /** Change fields of the discovery document (`undefined` removes one), e.g. `{ issuer: "…/" }`. */
  setDiscovery(overrides: Record<string, unknown>): void;
  /** Script the token endpoint: a fixed reply or a handler; `null` restores the standard behaviour. */
  onToken(reply: TokenReply | TokenHandler | null): void;
  /** The claims the fake puts in an id_token for `nonce`, with `overrides` applied (`undefined` removes a claim). */
  idTokenClaims(overrides?: Record<string, unknown>, nonce?: string | null): JWTPayload;
  /** Sign an id_token with the provider's key (or, with `foreignKey`, another key under the same kid). */
  signIdToken(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** An unsecured id_token (`alg: none`, empty signature). */
  unsignedIdToken(claims: JWTPayload): string;
  /** The algorithm-confusion attack: HS256 with the provider's RSA public key (SPKI PEM) as the HMAC secret. */
  hs256WithPublicKey(claims: JWTPayload): Promise<string>;
  /** The same JWT with one signature character changed. */
  tamperSignature(jwt: string): string;
  /** Forget recorded requests and every override (codes and refresh tokens already issued stay valid). */
  reset(): void;
  /** Stop the server and every pending delayed answer. */
  close(): Promise<void>;
}

const DEFAULT_SECRET = "fake-client-secret-0123456789abcdefghijkl";

function random(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** @internal */
export function applyOverrides<T extends Record<string, unknown>>(base: T, overrides: Record<string, unknown> | undefined): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

/** @internal */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Client credentials from HTTP Basic (form-url-encoded parts, RFC 6749 §2.3.1) or the form. @internal */
export function clientCredentials(request: RecordedRequest): { id: string | null; secret: string | null } {
  const header = request.headers.authorization;
  if (typeof header === "string" && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const part = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    return colon === -1 ? { id: null, secret: null } : { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
  }
  return { id: request.form.get("client_id"), secret: request.form.get("client_secret") };
}

/**
 * Start a fake OAuth 2 / OpenID Connect provider on `127.0.0.1` (a free port). It serves
 * `/.well-known/openid-configuration`, `/authorize` (redirects straight back with `code`,
 * `state` and `iss`), `/token`, `/jwks`, `/userinfo` and `/api/*`. Close it with
 * {@link FakeProvider.close}.
 *
 * @example
 * ```ts
 * const fake = await startFakeProvider();
 * fake.onToken(async (ctx) => ctx.standard({ claims: { aud: "someone-else" } }));
 * ```
 */
export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const clientId = options.clientId ?? "fake-client";
  const clientSecret = options.clientSecret ?? DEFAULT_SECRET;
  const subject = options.subject ?? "user-1";
  const now = options.now ?? Date.now;
  const rotate = options.rotateRefreshTokens ?? true;
  const expiresIn = options.expiresIn ?? 3600;

  const kid = `fake-${random(6)}`;
  const keyPair = await generateKeyPair("RS256", { extractable: true });
  const privateJwk = await exportJWK(keyPair.privateKey);
  const publicJwk: JWK = { ...(await exportJWK(keyPair.publicKey)), kid, use: "sig" };
  // The foreign key signs tokens that claim the provider's kid: a bad signature.
  const foreignJwk = await exportJWK((await generateKeyPair("RS256", { extractable: true })).privateKey);
  const spki = await exportSPKI(keyPair.publicKey);
  const jwks = { keys: [publicJwk] };

  const requests: RecordedRequest[] = [];
  const authorizations: AuthorizationRecord[] = [];
  const codes = new Map<string, AuthorizationRecord>();
  const refreshTokens = new Map<string, { scope: string | null }>();
  const timers = new Set<NodeJS.Timeout>();
  let callbackParams: Record<string, string | null> = {};
  let discoveryOverrides: Record<string, unknown> = {};
  let tokenScript: TokenHandler | undefined;
  let url = "";

  const idTokenClaims = (overrides?: Record<string, unknown>, nonce?: string | null): JWTPayload => {
    const iat = Math.floor(now() / 1000);
    const base: JWTPayload = { iss: url, sub: subject, aud: clientId, iat, exp: iat + 300 };
    if (nonce) base.nonce = nonce;
    return applyOverrides(base, overrides);
  };

  const signIdToken = async (claims: JWTPayload, signOptions: SignOptions = {}): Promise<string> => {
    const alg = signOptions.alg ?? "RS256";
    const key = await importJWK(signOptions.foreignKey ? foreignJwk : privateJwk, alg);
    return new SignJWT(claims).setProtectedHeader({ alg, kid, typ: "JWT", ...signOptions.header }).sign(key);
  };

  const issueTokens = async (
    scope: string | null,
    nonce: string | null,
    standard: StandardTokenOptions,
    grant: "authorization_code" | "refresh_token",
    oldRefresh?: string,
  ): Promise<TokenReply> => {
    const refreshToken = grant === "refresh_token" && !rotate && oldRefresh ? undefined : `rt-${random()}`;
    if (refreshToken) refreshTokens.set(refreshToken, { scope });
    let body: Record<string, unknown> = {
      access_token: `at-${random()}`,
      token_type: "Bearer",
      expires_in: expiresIn,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      ...(scope ? { scope } : {}),
    };
    const openid = (scope ?? "").split(" ").includes("openid");
    if (standard.idToken !== null && (openid || standard.idToken !== undefined)) {
      const claims = idTokenClaims(standard.claims, grant === "authorization_code" ? nonce : null);
      body.id_token =
        typeof standard.idToken === "string"
          ? standard.idToken
          : typeof standard.idToken === "function"
            ? await standard.idToken(claims)
            : await signIdToken(claims);
    }
    body = applyOverrides(body, standard.body);
    return { status: 200, body };
  };

  const oauthError = (status: number, error: string, description: string): TokenReply => ({
    status,
    body: { error, error_description: description },
  });

  const standardReply = async (request: RecordedRequest, standard: StandardTokenOptions = {}): Promise<TokenReply> => {
    const creds = clientCredentials(request);
    if (creds.id !== clientId || creds.secret !== clientSecret) return oauthError(401, "invalid_client", "client authentication failed");
    const grant = request.form.get("grant_type");
    if (grant === "authorization_code") {
      const code = request.form.get("code") ?? "";
      const auth = codes.get(code);
      if (!auth) return oauthError(400, "invalid_grant", "unknown or used code");
      codes.delete(code);
      const verifier = request.form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (auth.codeChallengeMethod !== "S256" || challenge !== auth.codeChallenge) return oauthError(400, "invalid_grant", "PKCE verification failed");
      if (request.form.get("redirect_uri") !== auth.redirectUri) return oauthError(400, "invalid_grant", "redirect_uri differs");
      return issueTokens(auth.scope, auth.nonce, standard, "authorization_code");
    }
    if (grant === "refresh_token") {
      const old = request.form.get("refresh_token") ?? "";
      const known = refreshTokens.get(old);
      if (!known) return oauthError(400, "invalid_grant", "unknown refresh token");
      if (rotate) refreshTokens.delete(old);
      return issueTokens(known.scope, null, standard, "refresh_token", old);
    }
    return oauthError(400, "unsupported_grant_type", "unsupported grant_type");
  };

  const discovery = () =>
    applyOverrides(
      {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        userinfo_endpoint: `${url}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        authorization_response_iss_parameter_supported: true,
      },
      discoveryOverrides,
    );

  const send = (res: ServerResponse, status: number, body: string | Record<string, unknown>, headers: Record<string, string> = {}) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const type = typeof body === "string" ? "text/plain; charset=utf-8" : "application/json";
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
    res.end(text);
  };

  const answerToken = async (res: ServerResponse, reply: TokenReply) => {
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, reply.delayMs);
        timers.add(timer);
      });
      if (res.destroyed || res.writableEnded) return;
    }
    if (reply.reset === true || reply.reset === "before-headers") {
      res.socket?.destroy();
      return;
    }
    const body = reply.body ?? "";
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      "cache-control": "no-store",
      ...(typeof body === "string" ? {} : { "content-type": "application/json" }),
      ...reply.headers,
    };
    if (reply.reset === "mid-body") {
      res.writeHead(reply.status ?? 200, { ...headers, "content-length": String(Buffer.byteLength(text) + 100) });
      res.write(text.slice(0, Math.ceil(text.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? "/", url);
    const body = await readBody(req);
    const isForm = (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: target.pathname,
      query: target.searchParams,
      headers: { ...req.headers },
      body,
      form: new URLSearchParams(isForm ? body : ""),
    };
    requests.push(record);
    switch (target.pathname) {
      case "/.well-known/openid-configuration":
      case "/.well-known/oauth-authorization-server":
        return send(res, 200, discovery());
      case "/jwks":
        return send(res, 200, jwks, { "content-type": "application/jwk-set+json" });
      case "/authorize": {
        const q = target.searchParams;
        const redirectUri = q.get("redirect_uri");
        if (!redirectUri || q.get("client_id") !== clientId) return send(res, 400, "invalid authorization request");
        const code = `code-${random()}`;
        const auth: AuthorizationRecord = {
          clientId: q.get("client_id"),
          redirectUri,
          state: q.get("state"),
          nonce: q.get("nonce"),
          scope: q.get("scope"),
          codeChallenge: q.get("code_challenge"),
          codeChallengeMethod: q.get("code_challenge_method"),
          code,
        };
        authorizations.push(auth);
        codes.set(code, auth);
        const back = new URL(redirectUri);
        const params: Record<string, string | null> = { code, state: auth.state, iss: url, ...callbackParams };
        for (const [name, value] of Object.entries(params)) if (value !== null) back.searchParams.set(name, value);
        res.writeHead(302, { location: back.href, "cache-control": "no-store" });
        return res.end();
      }
      case "/token": {
        const context: TokenRequestContext = {
          request: record,
          grantType: record.form.get("grant_type"),
          authorization: codes.get(record.form.get("code") ?? ""),
          standard: (standard) => standardReply(record, standard),
        };
        const reply = tokenScript ? await tokenScript(context) : await standardReply(record);
        return answerToken(res, reply);
      }
      default: {
        if (target.pathname === "/userinfo" || target.pathname.startsWith("/api/")) {
          const authorization = req.headers.authorization ?? null;
          if (!authorization || !/^bearer at-/i.test(authorization)) return send(res, 401, { error: "invalid_token" }, { "www-authenticate": 'Bearer error="invalid_token"' });
          return send(res, 200, { sub: subject, path: target.pathname, authorization });
        }
        return send(res, 404, "not found");
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `fake provider error: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeProvider = {
    url,
    issuer: url,
    clientId,
    clientSecret,
    authorizationEndpoint: `${url}/authorize`,
    tokenEndpoint: `${url}/token`,
    jwksUri: `${url}/jwks`,
    userinfoEndpoint: `${url}/userinfo`,
    jwks,
    requests,
    get tokenRequests() {
      return requests.filter((r) => r.path === "/token");
    },
    authorizations,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    setCallbackParams(params) {
      callbackParams = { ...callbackParams, ...params };
    },
    setDiscovery(overrides) {
      discoveryOverrides = { ...discoveryOverrides, ...overrides };
    },
    onToken(reply) {
      tokenScript = reply === null ? undefined : typeof reply === "function" ? reply : () => reply;
    },
    idTokenClaims,
    signIdToken,
    unsignedIdToken(claims) {
      const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
      return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
    },
    async hs256WithPublicKey(claims) {
      return new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid, typ: "JWT" }).sign(new TextEncoder().encode(spki));
    },
    tamperSignature(jwt) {
      const dot = jwt.lastIndexOf(".");
      const signature = jwt.slice(dot + 1);
      // Change a character in the middle: the last one may only carry padding bits.
      const i = Math.floor(signature.length / 2);
      const swapped = signature[i] === "A" ? "B" : "A";
      return `${jwt.slice(0, dot + 1)}${signature.slice(0, i)}${swapped}${signature.slice(i + 1)}`;
    },
    reset() {
      requests.length = 0;
      authorizations.length = 0;
      callbackParams = {};
      discoveryOverrides = {};
      tokenScript = undefined;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
