/**
 * The cookie jar of one request: reads the `Cookie` header lazily and queues changes as
 * structured {@link CookieChange}s (the last change of a name wins); seals, opens and chunks
 * values for Dance's own cookies. Adapters take the changes once each: whatever was taken is
 * not handed out again unless it changes.
 *
 * @internal
 * @module
 */
import { parseCookieHeader, type CookieChange, type CookieOptions } from "./cookies.js";
import type { OpenResult, Sealer } from "./seal.js";
import type { CookieJar } from "./types.js";

/** Cookies are split so each `Set-Cookie` stays below 4096 bytes, attributes included. */
const CHUNK_VALUE_BYTES = 3800;
const MAX_CHUNKS = 24;

interface Queued {
  change: CookieChange;
  taken: boolean;
}

/** @internal */
export class RequestCookieJar implements CookieJar {
  readonly secure: boolean;
  readonly #header: string | null;
  #parsed: Map<string, string> | undefined;
  readonly #queued = new Map<string, Queued>();
  readonly #sealer: Sealer;

  constructor(header: string | null, sealer: Sealer, secure: boolean) {
    this.#header = header;
    this.#sealer = sealer;
    this.secure = secure;
  }

  /** The physical name: `__Host-` prefixed on https. */
  #name(name: string): string {
    return this.secure ? `__Host-${name}` : name;
  }

  #requestCookies(): Map<string, string> {
    return (this.#parsed ??= parseCookieHeader(this.#header));
  }

  /** Whether the request carried any cookie at all. */
  get empty(): boolean {
    return this.#requestCookies().size === 0;
  }

  get(name: string): string | undefined {
    const physical = this.#name(name);
    const queued = this.#queued.get(physical);
    if (queued) return queued.change.options.maxAge === 0 ? undefined : queued.change.value;
    return this.#requestCookies().get(physical);
  }

  #options(options: CookieOptions | undefined): CookieOptions {
    const merged: CookieOptions = { httpOnly: true, sameSite: "Lax", ...options, secure: this.secure, path: "/" };
    // Browsers drop SameSite=None without Secure: on plain-http development fall back to Lax.
    if (merged.sameSite === "None" && !this.secure) merged.sameSite = "Lax";
    return Object.freeze(merged);
  }

  set(name: string, value: string, options?: CookieOptions): void {
    const physical = this.#name(name);
    this.#queued.set(physical, { change: Object.freeze({ name: physical, value, options: this.#options(options) }), taken: false });
  }

  delete(name: string, options?: CookieOptions): void {
    const physical = this.#name(name);
    const inRequest = this.#requestCookies().has(physical);
    const queued = this.#queued.get(physical);
    if (!inRequest) {
      // Nothing in the browser: forget a queued set that was never sent.
      if (queued && !queued.taken) this.#queued.delete(physical);
      if (!queued || !queued.taken) return;
    }
    if (queued && queued.change.options.maxAge === 0) return;
    const change = Object.freeze({ name: physical, value: "", options: this.#options({ ...options, maxAge: 0 }) });
    this.#queued.set(physical, { change, taken: false });
  }

  /** Seal `value` for `purpose` into the cookie `name`, split into chunks below 4096 bytes when needed. */
  async setSealed(name: string, purpose: string, value: unknown, maxAgeSeconds: number, cookie?: CookieOptions): Promise<void> {
    const sealed = await this.#sealer.seal(purpose, value, maxAgeSeconds);
    const options: CookieOptions = { ...cookie, maxAge: maxAgeSeconds };
    if (sealed.length <= CHUNK_VALUE_BYTES) {
      this.set(name, sealed, options);
      this.#deleteChunks(name, 0);
      return;
    }
    const count = Math.ceil(sealed.length / CHUNK_VALUE_BYTES);
    if (count > MAX_CHUNKS) throw new RangeError(`sealed value too large for cookies (${sealed.length} bytes)`);
    for (let i = 0; i < count; i++) {
      this.set(`${name}.${i}`, sealed.slice(i * CHUNK_VALUE_BYTES, (i + 1) * CHUNK_VALUE_BYTES), options);
    }
    this.delete(name);
    this.#deleteChunks(name, count);
  }

  #deleteChunks(name: string, from: number): void {
    for (let i = from; i < MAX_CHUNKS; i++) {
      if (this.get(`${name}.${i}`) === undefined) break;
      this.delete(`${name}.${i}`);
    }
  }

  #readRaw(name: string): string | undefined {
    const whole = this.get(name);
    if (whole !== undefined) return whole;
    let joined = "";
    for (let i = 0; i < MAX_CHUNKS; i++) {
      const part = this.get(`${name}.${i}`);
      if (part === undefined) break;
      joined += part;
    }
    return joined === "" ? undefined : joined;
  }

  /** Open a (possibly chunked) sealed cookie; tells an expired seal from an absent (null) or forged one. Never throws. */
  async openSealed<T>(name: string, purpose: string): Promise<OpenResult<T> | null> {
    const raw = this.#readRaw(name);
    return raw === undefined ? null : this.#sealer.open<T>(purpose, raw);
  }

  /** Delete a (possibly chunked) sealed cookie. */
  deleteSealed(name: string): void {
    this.delete(name);
    this.#deleteChunks(name, 0);
  }

  /** Every change queued so far, taken or not. */
  get changes(): readonly CookieChange[] {
    return [...this.#queued.values()].map((q) => q.change);
  }

  /** The changes not taken yet; marks them taken. */
  take(): CookieChange[] {
    const out: CookieChange[] = [];
    for (const queued of this.#queued.values()) {
      if (!queued.taken) {
        queued.taken = true;
        out.push(queued.change);
      }
    }
    return out;
  }
}
