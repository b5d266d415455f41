/**
 * Events (Flask-Dance's signals): `beforeLogin`, `authorized`, `error`, and the token
 * lifecycle's `refreshed` and `reauthRequired`. Handlers come from the
 * configuration (every provider) or from `dance.on(event, fn, { provider })` (one provider,
 * Flask-Dance's `connect_via`); they run in that order, each awaited.
 *
 * @module
 */
import type { DanceError, ProviderErrorDetails } from "./errors.js";
import type { ProviderSession } from "./session.js";
import type { Token } from "./types.js";

/** Arguments of the `beforeLogin` event. */
export interface BeforeLoginEvent {
  /** The provider id. */
  provider: string;
  /** The provider URL the browser is about to be sent to. */
  url: URL;
  /** The login request. */
  request: Request;
}

/** Arguments of the `authorized` event. */
export interface AuthorizedEvent {
  /** The provider id. */
  provider: string;
  /** The new token (not stored yet). */
  token: Token;
  /** The callback request. */
  request: Request;
  /**
   * The session of this provider for this request, holding the new token in memory: its
   * `fetch` works already (call the provider's `/user` here). The token is stored after the
   * event unless a handler vetoes; call `setToken` yourself if you veto or return a Response.
   */
  session: ProviderSession;
  /** Validated id_token claims, for OpenID providers. */
  claims: Readonly<Record<string, unknown>> | undefined;
  /** Where the dance will redirect. */
  returnTo: string;
}

/**
 * Arguments of the `error` event: the provider refused (`error=…` on the callback, or at the
 * token endpoint), or the token could not be stored.
 */
export interface ErrorEvent extends ProviderErrorDetails {
  /** The provider id. */
  provider: string;
  /** The callback request. */
  request: Request;
  /** The Dance error, with its stable code (`provider_error`, `token_exchange_failed` or `storage_failed`). */
  danceError: DanceError;
}

/** Arguments of the `refreshed` event: a token was refreshed and stored. */
export interface RefreshedEvent {
  /** The provider id. */
  provider: string;
  /** The new token (stored). */
  token: Token;
  /** The request that needed it; absent for `dance.tokenFor()` sessions. */
  request: Request | undefined;
}

/** Arguments of the `reauthRequired` event: the provider refused the refresh for good; the token was deleted. */
export interface ReauthRequiredEvent {
  /** The provider id. */
  provider: string;
  /** Why, where the provider said (`invalid_grant`), or `expired` for a token that cannot be refreshed. */
  reason: string;
  /** The request that needed the token; absent for `dance.tokenFor()` sessions. */
  request: Request | undefined;
  /** The Dance error (`reauth_required`). */
  danceError: DanceError;
}

/**
 * Event handlers. Returning a Response from `authorized` or `error` sends it instead.
 *
 * @example
 * ```ts
 * createDance({
 *   secret, providers: [github()],
 *   on: {
 *     async authorized({ session }) {
 *       const user = await (await session.fetch("/user")).json();
 *       if (!allowed(user.login)) return new Response("Not you", { status: 403 }); // not stored
 *     },
 *   },
 * });
 * ```
 */
export interface DanceEvents {
  /** Just before the redirect to the provider; cannot abort (Flask-Dance's `oauth_before_login`). */
  beforeLogin?(event: BeforeLoginEvent): void | Promise<void>;
  /** Return `false` to not store the token; return a Response to send it instead (the token is then not stored). */
  authorized?(event: AuthorizedEvent): void | boolean | Response | Promise<void | boolean | Response>;
  /** The dance failed on the provider's side or in storage; return a Response to show your own page. */
  error?(event: ErrorEvent): void | Response | Promise<void | Response>;
  /** A token was refreshed and stored (once per refresh, however many requests waited for it). */
  refreshed?(event: RefreshedEvent): void | Promise<void>;
  /** The provider refused a refresh for good: the user must log in again (the guard sends them). */
  reauthRequired?(event: ReauthRequiredEvent): void | Promise<void>;
}

/** Names of the events. */
export type DanceEventName = keyof DanceEvents;

/** The argument of an event's handlers. */
export type EventArgument<E extends DanceEventName> = Parameters<NonNullable<DanceEvents[E]>>[0];

type Listener = { provider: string | undefined; fn: (event: never) => unknown };

const NAMES: readonly DanceEventName[] = ["beforeLogin", "authorized", "error", "refreshed", "reauthRequired"];

/** Subscriptions made with `dance.on()`: shared by every instance of one Dance. @internal */
export class EventBus {
  readonly #listeners = new Map<DanceEventName, Listener[]>(NAMES.map((name) => [name, []]));

  /** Subscribe; returns the unsubscribe function. */
  on(event: DanceEventName, fn: (event: never) => unknown, provider: string | undefined): () => void {
    const list = this.#listeners.get(event);
    if (!list) throw new TypeError(`unknown event "${String(event)}"; events: ${NAMES.join(", ")}`);
    if (typeof fn !== "function") throw new TypeError(`the handler of "${event}" must be a function`);
    const listener: Listener = { provider, fn };
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i !== -1) list.splice(i, 1);
    };
  }

  /** Run the configured handler, then the subscribed ones for this provider; their results in order. */
  async emit<E extends DanceEventName>(configured: DanceEvents | undefined, name: E, event: EventArgument<E>): Promise<unknown[]> {
    const results: unknown[] = [];
    const own = configured?.[name] as ((e: EventArgument<E>) => unknown) | undefined;
    if (own) results.push(await own(event));
    for (const listener of [...this.#listeners.get(name)!]) {
      if (listener.provider === undefined || listener.provider === event.provider) {
        results.push(await (listener.fn as (e: EventArgument<E>) => unknown)(event));
      }
    }
    return results;
  }
}

/** Check the `on` of a configuration once. @internal */
export function checkConfiguredEvents(on: DanceEvents | undefined, fail: (message: string) => never): void {
  if (on === undefined) return;
  if (typeof on !== "object" || on === null) fail("`on` must be an object of event handlers, e.g. on: { authorized() {} }.");
  for (const [name, fn] of Object.entries(on)) {
    if (!NAMES.includes(name as DanceEventName)) fail(`\`on.${name}\` is not an event; events: ${NAMES.join(", ")}.`);
    if (fn !== undefined && typeof fn !== "function") fail(`\`on.${name}\` must be a function.`);
  }
}
