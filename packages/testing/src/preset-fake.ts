/**
 * A fake of any provider preset, on loopback: `fakeProvider(github())` answers that preset's
 * own endpoints (its paths, under `http://127.0.0.1:<port>/<host>/…`) the way the preset says
 * the provider does — its client authentication (HTTP Basic, form fields, none; a client
 * secret made per use), PKCE, refresh tokens that rotate or not, token errors with HTTP 200
 * where the provider answers so, `form_post` callbacks, id_tokens signed with the fake's own
 * keys for OpenID presets (with discovery where the preset discovers) — so an app's login
 * tests run offline against the preset it really uses.
 *
 * @example
 * ```ts
 * import { createDance } from "@dance/core";
 * import { github } from "@dance/providers/github";
 * import { createBrowser, fakeProvider } from "@dance/testing";
 *
 * const fake = await fakeProvider(github({ clientId: "id", clientSecret: "secret" }));
 * const dance = createDance({ secret, providers: [fake.provider] });
 * const browser = createBrowser({ handlers: { "http://127.0.0.1:3000": dance.handler } });
 * const login = await browser.get("http://127.0.0.1:3000/login/github");
 * const done = await browser.get(await fake.authorize(browser.locationOf(login)!)); // GitHub's answer
 * // … done: 302 to "/", the token stored
 * await fake.close();
 * ```
 * @module
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { clientCredentials, readBody, type RecordedRequest, type TokenReply } from "./fake-provider.js";

/** Options of {@link fakeProvider}. */
export interface PresetFakeOptions {
  /** The `sub` (and `id`) of the user it logs in. Default `"fake-user-1"`. */
  subject?: string;
  /** What API calls answer (merged over a generic user: id, sub, login, name, email). */
  user?: Record<string, unknown>;
  /** The clock of the id_tokens it signs, ms. Default `Date.now`. */
  now?: () => number;
  /** Check a client secret the preset makes per use (Apple's JWT); default: any non-empty one. */
  acceptClientSecret?: (secret: string) => boolean | Promise<boolean>;
  /**
   * For presets that discover their endpoints: the provider's documented ones, served in the
   * fake's discovery document (on loopback). Default: `{issuer}/authorize`, `/token`, `/jwks`, `/userinfo`.
   */
  metadata?: { authorizationUrl?: string; tokenUrl?: string; userinfoUrl?: string; jwksUrl?: string; revocationUrl?: string } | undefined;
}

/** What the provider's authorization page sends the browser back with. */
export type FakeCallback = { method: "GET"; url: URL } | { method: "POST"; url: URL; form: URLSearchParams };

/** A running preset fake. */
export interface PresetFake<Id extends string = string> {
  /** The preset pointed at the fake: every URL of it on loopback, everything else as the preset has it. */
  readonly provider: OAuth2ProviderDefinition<Id>;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The client id and secret it accepts (the preset's, or the defaults it was given). */
  readonly clientId: string;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The requests to the token endpoint. */
  readonly tokenRequests: readonly RecordedRequest[];
  /** The API calls (anything under the API base or origins). */
  readonly apiRequests: readonly RecordedRequest[];
  /**
   * Play the provider's authorization page for `authorizationUrl` (the login redirect's
   * location): the callback it sends back, a GET URL or — for `form_post` presets — a POST.
   * For a GET, returns the URL; for a POST, the URL of the GET the app redirects it to is
   * found by sending the POST to the app, which {@link PresetFake.callback} returns as is.
   */
  authorize(authorizationUrl: string | URL, params?: Record<string, string | null>): Promise<URL>;
  /** Like {@link PresetFake.authorize}, with the method and form of a `form_post` answer. */
  callback(authorizationUrl: string | URL, params?: Record<string, string | null>): Promise<FakeCallback>;
  /** Script the token endpoint (a reply, or null for the standard behaviour). */
  onToken(reply: TokenReply | null): void;
  /** Forget the requests and the script. */
  reset(): void;
  /** Stop the server. */
  close(): Promise<void>;
}

const URL_FIELDS = ["authorizationUrl", "tokenUrl", "issuer", "jwksUrl", "userinfoUrl", "revocationUrl", "apiBaseUrl"] as const;

/** The tenant of the users the fake logs in, for issuers with a `{tenantid}` placeholder. */
const TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

function random(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Start a fake of `preset` on `127.0.0.1` (a free port).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export async function fakeProvider<Id extends string>(preset: OAuth2ProviderDefinition<Id>, options: PresetFakeOptions = {}): Promise<PresetFake<Id>> {
  const clientId = preset.clientId ?? "fake-client-id";
  const clientSecret = preset.clientSecret ?? "fake-client-secret-0123456789";
  const subject = options.subject ?? "fake-user-1";
  const now = options.now ?? Date.now;
  const method = preset.clientAuth ?? "client_secret_basic";
  const rotates = preset.facts?.refresh.rotates !== "no";
  const errorStatus = preset.facts?.tokenErrorStatus ?? 400;
  const keys = await generateKeyPair("RS256", { extractable: true });
  const kid = `fake-${random(6)}`;
  const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid, use: "sig", alg: "RS256" };

  const requests: RecordedRequest[] = [];
  const codes = new Map<string, { redirectUri: string; challenge: string | null; scope: string | null; nonce: string | null }>();
  const refreshTokens = new Map<string, string | null>();
  let script: TokenReply | null = null;
  let origin = "";
  const documented = options.metadata ?? {};
  const endpoint = (field: "authorizationUrl" | "tokenUrl" | "jwksUrl" | "userinfoUrl", fallback: string) => preset[field] ?? documented[field] ?? `${preset.issuer}/${fallback}`;

  /** `https://gitlab.com/oauth/token` → `http://127.0.0.1:PORT/gitlab.com/oauth/token` (as text: an issuer template's `{tenantid}` stays). */
  const local = (value: string) => `${origin}/${value.replace(/^https?:\/\//i, "")}`;
  const pathOf = (value: string | undefined) => (value ? new URL(local(value)).pathname : undefined);

  const rewritten = (): OAuth2ProviderDefinition<Id> => {
    const out: OAuth2ProviderDefinition<Id> = { ...preset, clientId, clientSecret };
    for (const field of URL_FIELDS) if (preset[field]) out[field] = local(preset[field]!);
    if (preset.apiOrigins) out.apiOrigins = preset.apiOrigins.map((o) => local(o).replace(/\/$/, ""));
    if (typeof preset.refresh === "object" && preset.refresh.url) out.refresh = { ...preset.refresh, url: local(preset.refresh.url) };
    if (preset.hooks?.clientSecret) out.clientSecret = undefined;
    return out;
  };

  const issuer = () => (preset.issuer ? local(preset.issuer) : origin);
  const apiPrefixes = () => [preset.apiBaseUrl, preset.userinfoUrl ?? documented.userinfoUrl, ...(preset.apiOrigins ?? [])].filter((u): u is string => Boolean(u)).map((u) => new URL(local(u)).pathname.replace(/\/[^/]*$/, "/"));

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": typeof body === "string" ? "text/html; charset=utf-8" : "application/json", "cache-control": "no-store", ...headers });
    res.end(text);
  };
  const oauthError = (error: string, description: string, status = errorStatus === 200 ? 200 : 400) => ({ status, body: { error, error_description: description } });

  const authenticate = async (request: RecordedRequest): Promise<boolean> => {
    const basic = typeof request.headers.authorization === "string" && /^basic /i.test(request.headers.authorization);
    const posted = request.form.has("client_secret");
    if (method === "client_secret_basic" && (!basic || posted)) return false;
    if (method === "client_secret_post" && (basic || !posted)) return false;
    if (method === "none") return !basic && !posted && request.form.get("client_id") === clientId;
    let creds = clientCredentials(request);
    if (basic && preset.basicAuthRaw) {
      const decoded = Buffer.from(String(request.headers.authorization).slice(6).trim(), "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      creds = { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
    }
    if (creds.id !== clientId) return false;
    if (preset.hooks?.clientSecret) return Boolean(creds.secret) && (await (options.acceptClientSecret ?? (() => true))(creds.secret!));
    return creds.secret === clientSecret;
  };

  const tokens = async (scope: string | null, nonce: string | null, old?: string): Promise<Record<string, unknown>> => {
    const refresh = old && !rotates ? undefined : `rt-${random()}`;
    if (refresh) refreshTokens.set(refresh, scope);
    const body: Record<string, unknown> = { access_token: `at-${random()}`, token_type: "Bearer", expires_in: 3600, ...(refresh ? { refresh_token: refresh } : {}) };
    if (scope) body.scope = scope;
    if (preset.protocol === "oidc" && (scope ?? "").split(/[ ,]/).includes("openid")) {
      const iat = Math.floor(now() / 1000);
      // Microsoft Entra ID's multi-tenant issuer names the user's tenant.
      const tenant = issuer().includes("{tenantid}") ? { tid: TENANT } : {};
      const iss = issuer().replace("{tenantid}", TENANT);
      body.id_token = await new SignJWT({ iss, sub: subject, aud: clientId, iat, exp: iat + 600, ...tenant, ...(nonce && !old ? { nonce } : {}), email: "user@example.test" })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .sign(keys.privateKey);
    }
    return body;
  };

  const token = async (request: RecordedRequest): Promise<TokenReply> => {
    if (script) return script;
    if (!(await authenticate(request))) return { status: 401, body: { error: "invalid_client", error_description: `client authentication failed (expects ${method})` } };
    const grant = request.form.get("grant_type");
    if (grant === "authorization_code") {
      const code = codes.get(request.form.get("code") ?? "");
      codes.delete(request.form.get("code") ?? "");
      if (!code) return oauthError("invalid_grant", "unknown or used code");
      const verifier = request.form.get("code_verifier") ?? "";
      if (code.challenge === null) {
        // A preset without PKCE stands for a provider that refuses a code_verifier (LinkedIn's web apps).
        if (preset.pkce === false && request.form.has("code_verifier")) return { status: 401, body: { error: "invalid_client", error_description: "code_verifier is not allowed" } };
        if (preset.pkce !== false) return oauthError("invalid_grant", "PKCE verification failed");
      } else if (code.challenge !== createHash("sha256").update(verifier).digest("base64url")) return oauthError("invalid_grant", "PKCE verification failed");
      if (request.form.get("redirect_uri") !== code.redirectUri) return oauthError("invalid_grant", "redirect_uri differs");
      return { status: 200, body: await tokens(code.scope, code.nonce) };
    }
    if (grant === "refresh_token") {
      const old = request.form.get("refresh_token") ?? "";
      if (!refreshTokens.has(old)) return oauthError("invalid_grant", "unknown refresh token");
      const scope = refreshTokens.get(old) ?? null;
      if (rotates) refreshTokens.delete(old);
      return { status: 200, body: await tokens(scope, null, old) };
    }
    return oauthError("unsupported_grant_type", String(grant));
  };

  const callbackFor = (query: URLSearchParams, params: Record<string, string | null> = {}): FakeCallback => {
    const redirectUri = query.get("redirect_uri");
    if (!redirectUri || query.get("client_id") !== clientId) throw new Error(`fakeProvider: invalid authorization request (${query})`);
    const code = `code-${random()}`;
    codes.set(code, { redirectUri, challenge: query.get("code_challenge_method") === "S256" ? query.get("code_challenge") : null, scope: query.get("scope"), nonce: query.get("nonce") });
    const answer: Record<string, string | null> = { code, state: query.get("state"), ...(preset.issuer && preset.protocol === "oidc" ? { iss: issuer() } : {}), ...params };
    const fields = new URLSearchParams();
    for (const [name, value] of Object.entries(answer)) if (value !== null) fields.set(name, value);
    if (query.get("response_mode") === "form_post") return { method: "POST", url: new URL(redirectUri), form: fields };
    const url = new URL(redirectUri);
    for (const [name, value] of fields) url.searchParams.set(name, value);
    return { method: "GET", url };
  };

  const discovery = () => ({
    issuer: issuer(),
    authorization_endpoint: local(endpoint("authorizationUrl", "authorize")),
    token_endpoint: local(endpoint("tokenUrl", "token")),
    jwks_uri: local(endpoint("jwksUrl", "jwks")),
    userinfo_endpoint: local(endpoint("userinfoUrl", "userinfo")),
    ...((preset.revocationUrl ?? documented.revocationUrl) ? { revocation_endpoint: local((preset.revocationUrl ?? documented.revocationUrl)!) } : {}),
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    code_challenge_methods_supported: ["S256"],
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? "/", origin);
    const body = await readBody(req);
    const isForm = (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
    const record: RecordedRequest = { method: req.method ?? "GET", path: target.pathname, query: target.searchParams, headers: { ...req.headers }, body, form: new URLSearchParams(isForm ? body : "") };
    requests.push(record);
    const path = target.pathname;
    const jwksPath = preset.issuer ? pathOf(endpoint("jwksUrl", "jwks")) : undefined;
    if (preset.issuer && decodeURIComponent(path) === `${decodeURIComponent(new URL(issuer()).pathname).replace(/\/$/, "")}/.well-known/openid-configuration`) return send(res, 200, discovery());
    if (path === jwksPath) return send(res, 200, { keys: [jwk] });
    if (path === pathOf(preset.authorizationUrl ?? endpoint("authorizationUrl", "authorize"))) {
      const answer = callbackFor(target.searchParams);
      if (answer.method === "GET") {
        res.writeHead(302, { location: answer.url.href, "cache-control": "no-store" });
        return res.end();
      }
      const inputs = [...answer.form].map(([n, v]) => `<input type="hidden" name="${n}" value="${v.replace(/"/g, "&quot;")}">`).join("");
      return send(res, 200, `<!doctype html><form method="post" action="${answer.url.href}">${inputs}</form><script>document.forms[0].submit()</script>`);
    }
    if (path === pathOf(preset.tokenUrl ?? endpoint("tokenUrl", "token")) || path === pathOf(typeof preset.refresh === "object" ? preset.refresh.url : undefined)) {
      const reply = await token(record);
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status ?? 200, { "content-type": typeof reply.body === "string" ? "text/plain" : "application/json", "cache-control": "no-store", ...reply.headers });
      return res.end(text);
    }
    if (path === pathOf(preset.revocationUrl ?? documented.revocationUrl)) return send(res, 200, {});
    if (apiPrefixes().some((prefix) => path.startsWith(prefix)) || (preset.issuer && path === pathOf(endpoint("userinfoUrl", "userinfo")))) {
      const authorization = req.headers.authorization ?? "";
      if (!/ at-/.test(authorization)) return send(res, 401, { error: "invalid_token" }, { "www-authenticate": 'Bearer error="invalid_token"' });
      return send(res, 200, { id: subject, sub: subject, login: "fake-user", name: "Fake User", email: "user@example.test", ...options.user });
    }
    return send(res, 404, { error: "not_found", path });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = rewritten();

  const fake: PresetFake<Id> = {
    provider,
    url: origin,
    clientId,
    requests,
    get tokenRequests() {
      const paths = [pathOf(preset.tokenUrl ?? endpoint("tokenUrl", "token")), pathOf(typeof preset.refresh === "object" ? preset.refresh.url : undefined)];
      return requests.filter((r) => paths.includes(r.path));
    },
    get apiRequests() {
      const prefixes = apiPrefixes();
      return requests.filter((r) => prefixes.some((p) => r.path.startsWith(p)));
    },
    async callback(authorizationUrl, params) {
      const url = new URL(authorizationUrl);
      requests.push({ method: "GET", path: url.pathname, query: url.searchParams, headers: {}, body: "", form: new URLSearchParams() });
      return callbackFor(url.searchParams, params);
    },
    async authorize(authorizationUrl, params) {
      const answer = await fake.callback(authorizationUrl, params);
      if (answer.method === "GET") return answer.url;
      const url = new URL(answer.url);
      for (const [name, value] of answer.form) url.searchParams.set(name, value);
      return url;
    },
    onToken(reply) {
      script = reply;
    },
    reset() {
      requests.length = 0;
      script = null;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
