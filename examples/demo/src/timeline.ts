/**
 * The live "what just happened" of the demo: a recorder that watches Dance through its public
 * hooks only — the `beforeLogin` and `authorized` events, the `debug` option and a wrapping
 * `fetch` — and keeps, per browser, a small timeline of that browser's own dance.
 *
 * Everything recorded is redacted on the way in: codes, verifiers, client secrets and tokens
 * never enter the timeline, so the pages built from it cannot leak them.
 *
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { AuthorizedEvent, BeforeLoginEvent, DebugRecord, ErrorEvent } from "@dance/core";

/** What replaces a secret value. */
export const REDACTED = "***redacted***";

/** One name/value row of a step, already safe to show. */
export interface Field {
  name: string;
  value: string;
}

/** A request Dance sent to the provider, as the wrapping fetch saw it (redacted). */
export interface ProviderCall {
  /** Milliseconds since the epoch. */
  at: number;
  kind: "discovery" | "jwks" | "token" | "api" | "other";
  method: string;
  url: string;
  request: Field[];
  status?: number | undefined;
  response: Field[];
  /** The tokens the token endpoint answered (names only). */
  tokens?: string[] | undefined;
  /** A network failure, when there was no response. */
  error?: string | undefined;
  /** How long the call took, in milliseconds. */
  ms: number;
}

/** The dance of one browser, step by step. Each slot holds the latest of its kind. */
export interface Timeline {
  login?: { at: number; endpoint: string; params: Field[] };
  callback?: { at: number; path: string; params: Field[]; stateMatched: boolean; issuer: string | undefined };
  token?: ProviderCall;
  jwks?: ProviderCall;
  idToken?: { at: number; header: Field[]; claims: Field[]; nonceMatched: boolean };
  api?: ProviderCall;
  /** A failed dance: Dance's stable error code (from the `debug` records) and the provider's own error, if it sent one. */
  failure?: { at: number; code: string; detail?: string | undefined };
  /** The last debug records Dance emitted while serving this browser. */
  debug: { at: number; text: string }[];
  /** Non-secret values of step 1, to show that later steps match them (never shown in full). */
  sent?: { state: string; nonce: string | undefined };
}

/** Options of {@link DanceRecorder}. */
export interface RecorderOptions {
  /** How many browsers' timelines to keep; the least recently used ones are dropped first. Default 500. */
  maxBrowsers?: number;
  /** A clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

const MAX_DEBUG = 12;

/** `abcdefgh…` (43 chars): enough to recognise a one-time value, never the whole of it. */
export function truncate(value: string, keep = 8): string {
  return value.length <= keep ? value : `${value.slice(0, keep)}… (${value.length} chars)`;
}

/** Authorization request parameters (all of them travel through the browser; the long random ones are shortened). */
const SHORTENED = new Set(["state", "nonce", "code_challenge"]);
/** Token request body fields safe to show as they are. */
const SHOWN_IN_TOKEN_REQUEST = new Set(["grant_type", "redirect_uri", "client_id", "scope"]);
/** Token response fields safe to show as they are; everything else is named but redacted. */
const SHOWN_IN_TOKEN_RESPONSE = new Set(["token_type", "expires_in", "scope"]);
/** id_token claims worth showing, in this order. */
const CLAIMS = ["iss", "aud", "sub", "exp", "iat", "auth_time", "nonce", "azp"];

/**
 * Records the dance of each browser. Wire it in with `createDance({ fetch: recorder.fetch(),
 * debug: recorder.debug, on: recorder.events })` and run each request in
 * `recorder.run(browserId, …)`.
 */
export class DanceRecorder {
  readonly #als = new AsyncLocalStorage<{ browser: string; started: number }>();
  readonly #timelines = new Map<string, Timeline>();
  readonly #max: number;
  readonly #now: () => number;
  /** Provider calls made outside any browser's request (discovery at start-up). */
  readonly startup: ProviderCall[] = [];

  constructor(options: RecorderOptions = {}) {
    this.#max = options.maxBrowsers ?? 500;
    this.#now = options.now ?? Date.now;
  }

  /** Run `fn` on behalf of `browserId`: what Dance does meanwhile lands in that browser's timeline. */
  run<T>(browserId: string, fn: () => T): T {
    return this.#als.run({ browser: browserId, started: this.#now() }, fn);
  }

  /** The timeline of a browser, if it has one. */
  get(browserId: string): Timeline | undefined {
    return this.#timelines.get(browserId);
  }

  /** The timeline of the browser being served right now, if it has one. */
  current(): Timeline | undefined {
    const store = this.#als.getStore();
    return store === undefined ? undefined : this.#timelines.get(store.browser);
  }

  /** The timeline of the browser being served right now (created on first use), or undefined outside a request. */
  #currentOrNew(): Timeline | undefined {
    const id = this.#als.getStore()?.browser;
    if (id === undefined) return undefined;
    let timeline = this.#timelines.get(id);
    if (timeline) {
      // Least recently used first: re-inserting moves it to the end.
      this.#timelines.delete(id);
    } else {
      timeline = { debug: [] };
      while (this.#timelines.size >= this.#max) {
        const oldest = this.#timelines.keys().next().value;
        if (oldest === undefined) break;
        this.#timelines.delete(oldest);
      }
    }
    this.#timelines.set(id, timeline);
    return timeline;
  }

  /** The `debug` option of `createDance`. */
  readonly debug = (record: DebugRecord): void => {
    const timeline = this.#currentOrNew();
    if (!timeline) return;
    // Dance promises debug records carry no secrets; they are still bounded before being kept.
    const text = JSON.stringify(record);
    timeline.debug.push({ at: this.#now(), text: text.length > 300 ? `${text.slice(0, 300)}…` : text });
    if (timeline.debug.length > MAX_DEBUG) timeline.debug.splice(0, timeline.debug.length - MAX_DEBUG);
    if (record.event === "failure" && typeof record.code === "string") timeline.failure = { at: this.#now(), code: record.code };
  };

  /** The `on` option of `createDance`: `beforeLogin` opens a fresh timeline, `authorized` fills steps 2 and 4, `error` keeps the provider's refusal. */
  readonly events = {
    beforeLogin: (event: BeforeLoginEvent): void => {
      const timeline = this.#currentOrNew();
      if (!timeline) return;
      // A new dance: forget the previous one of this browser (its debug lines included).
      for (const key of ["callback", "token", "jwks", "idToken", "api", "failure"] as const) delete timeline[key];
      timeline.debug = [];
      const params: Field[] = [];
      for (const [name, value] of event.url.searchParams) {
        params.push({ name, value: SHORTENED.has(name) ? truncate(value) : value });
      }
      const state = event.url.searchParams.get("state") ?? "";
      timeline.sent = { state, nonce: event.url.searchParams.get("nonce") ?? undefined };
      timeline.login = { at: this.#now(), endpoint: event.url.origin + event.url.pathname, params };
    },
    authorized: (event: AuthorizedEvent): void => {
      const timeline = this.#currentOrNew();
      if (!timeline) return;
      // The callback arrived when its request did; the event fires after the token exchange.
      const at = this.#als.getStore()?.started ?? this.#now();
      const url = new URL(event.request.url);
      const params: Field[] = [];
      for (const [name, value] of url.searchParams) {
        params.push({ name, value: name === "code" ? `${REDACTED} (one-time, ${value.length} chars)` : name === "state" ? truncate(value) : truncate(value, 64) });
      }
      const state = url.searchParams.get("state") ?? "";
      // Dance only fires `authorized` once state matched; the comparison here is for the page.
      timeline.callback = { at, path: url.pathname, params, stateMatched: state !== "" && state === timeline.sent?.state, issuer: url.searchParams.get("iss") ?? undefined };
      if (event.claims) {
        const claims: Field[] = [];
        for (const name of CLAIMS) {
          const value = event.claims[name];
          if (value === undefined) continue;
          claims.push({ name, value: claimText(name, value) });
        }
        const header = jwtHeader(event.token.id_token);
        timeline.idToken = {
          at: this.#now(),
          header: Object.entries(header)
            .filter(([name]) => name === "alg" || name === "kid" || name === "typ")
            .map(([name, value]) => ({ name, value: truncate(String(value), 48) })),
          claims,
          nonceMatched: event.claims.nonce !== undefined && event.claims.nonce === timeline.sent?.nonce,
        };
      }
    },
    error: (event: ErrorEvent): void => {
      const timeline = this.#currentOrNew();
      if (!timeline) return;
      // The provider's error code and description (Dance already cleaned them of control characters).
      const detail = event.description ? `${event.error}: ${event.description}` : event.error;
      timeline.failure = { at: this.#now(), code: event.danceError.code, detail: truncate(detail, 200) };
    },
  };

  /** A fetch for `createDance({ fetch })` that records every provider call, redacted, in the current browser's timeline. */
  fetch(base: typeof fetch = globalThis.fetch): typeof fetch {
    return async (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const started = this.#now();
      const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.clone().text();
      const call = describeRequest(request, body, started);
      let response: Response;
      try {
        response = await base(request);
      } catch (error) {
        call.error = error instanceof Error ? error.name : "error";
        call.ms = this.#now() - started;
        this.#store(call);
        throw error;
      }
      call.status = response.status;
      call.ms = this.#now() - started;
      await describeResponse(call, response.clone());
      this.#store(call);
      return response;
    };
  }

  #store(call: ProviderCall): void {
    const timeline = this.#currentOrNew();
    if (!timeline) {
      this.startup.push(call);
      if (this.startup.length > 10) this.startup.shift();
      return;
    }
    if (call.kind === "token") timeline.token = call;
    else if (call.kind === "jwks") timeline.jwks = call;
    else if (call.kind === "api") timeline.api = call;
  }
}

function describeRequest(request: Request, body: string, at: number): ProviderCall {
  const url = new URL(request.url);
  const form = new URLSearchParams(/^[\w.~%+-]+=/.test(body) ? body : "");
  const auth = request.headers.get("authorization");
  const kind: ProviderCall["kind"] = form.has("grant_type")
    ? "token"
    : url.pathname.includes("/.well-known/")
      ? "discovery"
      : auth
        ? "api"
        : /jwks|certs|keys/i.test(url.pathname)
          ? "jwks"
          : "other";
  const fields: Field[] = [];
  if (auth) {
    const scheme = auth.split(" ")[0] ?? "";
    fields.push({ name: "Authorization", value: `${scheme} ${REDACTED}` });
  }
  const type = request.headers.get("content-type");
  if (type) fields.push({ name: "Content-Type", value: type });
  for (const [name, value] of form) {
    fields.push({ name, value: SHOWN_IN_TOKEN_REQUEST.has(name) ? value : REDACTED });
  }
  if (body !== "" && [...form].length === 0) fields.push({ name: "body", value: `${REDACTED} (${body.length} bytes)` });
  return { at, kind, method: request.method, url: url.origin + url.pathname, request: fields, response: [], ms: 0 };
}

async function describeResponse(call: ProviderCall, response: Response): Promise<void> {
  const type = response.headers.get("content-type") ?? "";
  if (type) call.response.push({ name: "Content-Type", value: type.split(";")[0]! });
  if (!type.includes("json")) return;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return;
  }
  if (typeof body !== "object" || body === null) return;
  const json = body as Record<string, unknown>;
  if (call.kind === "token") {
    call.tokens = [];
    for (const [name, value] of Object.entries(json)) {
      if (SHOWN_IN_TOKEN_RESPONSE.has(name) || name === "error") call.response.push({ name, value: String(value) });
      else {
        call.response.push({ name, value: REDACTED });
        if (/token/.test(name)) call.tokens.push(name);
      }
    }
  } else if (call.kind === "jwks" && Array.isArray(json.keys)) {
    for (const key of json.keys as Record<string, unknown>[]) {
      call.response.push({ name: "key", value: [key.kty, key.alg, key.kid && `kid ${truncate(String(key.kid), 16)}`].filter(Boolean).join(", ") });
    }
  } else if (call.kind === "discovery") {
    for (const name of ["issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"]) {
      if (typeof json[name] === "string") call.response.push({ name, value: json[name] as string });
    }
  } else if (call.kind === "api") {
    call.response.push({ name: "fields", value: Object.keys(json).join(", ") });
  }
}

function claimText(name: string, value: unknown): string {
  if ((name === "exp" || name === "iat" || name === "auth_time") && typeof value === "number") {
    return `${value} (${new Date(value * 1000).toISOString().replace(".000Z", "Z")})`;
  }
  if (name === "nonce" && typeof value === "string") return truncate(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return truncate(text, 80);
}

/** The protected header of a JWT (not secret: it names the key and algorithm). */
function jwtHeader(jwt: string | undefined): Record<string, unknown> {
  const part = jwt?.split(".")[0];
  if (!part) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
