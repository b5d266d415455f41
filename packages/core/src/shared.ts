/**
 * What every instance of one Dance shares, however many configurations it builds (one per
 * `env` with `createDance((env) => config)`): discovery documents and JWKS, sealers (and their
 * caches of verified seals), the replay guard of login states, in-flight refreshes, event
 * subscriptions and the warnings already given.
 *
 * @internal
 * @module
 */
import { EventBus } from "./events.js";
import type { AuthorizationServer } from "./oauth2.js";
import type { Sealer } from "./seal.js";

/** Remembers login states already used (within this process; the cleared cookie covers the browser). */
export class ReplayGuard {
  readonly #used = new Map<string, number>();
  readonly #limit: number;
  constructor(limit = 10_000) {
    this.#limit = limit;
  }
  /** False when `state` was consumed before; otherwise remember it until `expiresAt` (ms). */
  consume(state: string, expiresAt: number, now: number): boolean {
    if (this.#used.has(state)) return false;
    if (this.#used.size >= this.#limit) {
      for (const [s, exp] of this.#used) if (exp <= now || this.#used.size >= this.#limit) this.#used.delete(s);
    }
    this.#used.set(state, expiresAt);
    return true;
  }
}

/** One refresh at a time per refresh token; the result is handed to racing requests for a short while. */
export class RefreshFlights {
  readonly #flights = new Map<string, { promise: Promise<unknown>; until: number }>();

  /**
   * Run `refresh` unless one for `key` is running (or just finished); timed on `now`, not on
   * timers. A result is handed out for 30 s at most, never past `expiresAt(result)` (seconds).
   */
  run<T>(key: string, now: () => number, refresh: () => Promise<T>, expiresAt: (result: T) => number | undefined): Promise<T> {
    const t = now();
    const running = this.#flights.get(key);
    if (running && running.until > t) return running.promise as Promise<T>;
    for (const [k, entry] of this.#flights) if (entry.until <= t) this.#flights.delete(k);
    const promise = refresh();
    const entry = { promise, until: Infinity };
    this.#flights.set(key, entry);
    promise.then(
      // Requests racing with the old cookie get the same new token for a short while (never once it has expired).
      (result) => {
        const expires = expiresAt(result);
        entry.until = Math.min(now() + 30_000, expires === undefined ? Infinity : expires * 1000);
      },
      () => this.#flights.get(key) === entry && this.#flights.delete(key),
    );
    return promise;
  }
}

/** The caches and registries of one Dance. */
export interface SharedCaches {
  readonly discovery: Map<string, Promise<AuthorizationServer>>;
  /** Key sets of `@dance/core/oidc`, by URL (opaque here). */
  readonly jwks: Map<string, unknown>;
  readonly sealers: Map<string, Sealer>;
  readonly replay: ReplayGuard;
  readonly refreshes: RefreshFlights;
  readonly events: EventBus;
  /** Warning codes already given (each once). */
  readonly warned: Set<string>;
}

/** Fresh shared state for a new Dance. */
export function createShared(): SharedCaches {
  return {
    discovery: new Map(),
    jwks: new Map(),
    sealers: new Map(),
    replay: new ReplayGuard(),
    refreshes: new RefreshFlights(),
    events: new EventBus(),
    warned: new Set(),
  };
}
