/**
 * Sealing: authenticated encryption of small JSON values with iron-webcrypto, with a purpose
 * inside every seal, a lifetime inside every seal, secret rotation by id, and a bounded cache
 * of verified seals so a returning cookie does not pay the key derivation again.
 *
 * @module
 */
import { defaults as ironDefaults, seal as ironSeal, unseal as ironUnseal } from "iron-webcrypto";
import { DanceConfigError } from "./errors.js";
import type { SealBox } from "./types.js";

/** One secret, or an id → secret map to rotate: the highest id seals, any id opens. */
export type SecretInput = string | Readonly<Record<string | number, string>>;

/**
 * The minimum secret length iron and Dance accept.
 * @example
 * ```ts
 * // openssl rand -base64 32 → 44 characters
 * ```
 */
export const MIN_SECRET_LENGTH = 32;

/** The outcome of opening a seal. Failures never throw. */
export type OpenResult<T> =
  | { ok: true; value: T; expiresAt: number; stale: boolean }
  | { ok: false; reason: "invalid" | "expired" };

interface CacheEntry {
  value: unknown;
  purpose: string;
  expiresAt: number;
  stale: boolean;
}

/** Normalised secrets: the current `{ id, secret }` that seals, and the hash that opens. */
export interface Secrets {
  current: { id: string; secret: string };
  all: Readonly<Record<string, string>>;
}

/** Validate secrets once, at start-up. */
export function normalizeSecrets(input: SecretInput | undefined): Secrets {
  if (input === undefined || input === null || (typeof input === "string" && input === "")) {
    throw new DanceConfigError(
      `Dance needs a secret to seal cookies: set \`secret\` (or the DANCE_SECRET environment variable) to a random string of at least ${MIN_SECRET_LENGTH} characters, e.g. the output of \`openssl rand -base64 32\`.`,
    );
  }
  if (typeof input === "string") {
    checkLength(input, "secret");
    return { current: { id: "1", secret: input }, all: { "1": input } };
  }
  if (typeof input !== "object") throw new DanceConfigError("`secret` must be a string or an { id: secret } map.");
  const entries = Object.entries(input);
  if (entries.length === 0) throw new DanceConfigError("`secret` map is empty: give at least one { id: secret } entry.");
  const all: Record<string, string> = {};
  let best: { id: string; n: number } | undefined;
  for (const [id, secret] of entries) {
    if (!/^[0-9]+$/.test(id)) throw new DanceConfigError(`secret id "${id}" must be a non-negative integer (ids order the rotation).`);
    if (typeof secret !== "string") throw new DanceConfigError(`secret ${id} must be a string.`);
    checkLength(secret, `secret ${id}`);
    all[id] = secret;
    const n = Number(id);
    if (!best || n > best.n) best = { id, n };
  }
  return { current: { id: best!.id, secret: all[best!.id]! }, all };
}

/** A key that is equal for equal secret maps: instances built from the same secrets share one {@link Sealer} (and its cache). */
export function secretsKey(secrets: Secrets): string {
  return JSON.stringify(Object.entries(secrets.all).sort(([a], [b]) => Number(a) - Number(b)));
}

function checkLength(secret: string, what: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new DanceConfigError(
      `${what} is ${secret.length} characters; it must be at least ${MIN_SECRET_LENGTH}. Generate one with \`openssl rand -base64 32\`.`,
    );
  }
}

const textEncoder = new TextEncoder();

/**
 * Seals and opens values for one Dance instance. `purpose` is sealed with the value and
 * checked on open, so a transaction seal can never be replayed as a token cookie.
 */
export class Sealer {
  readonly #secrets: Secrets;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #cacheSize: number;
  readonly #now: () => number;
  readonly #macKeys = new Map<string, Promise<CryptoKey>>();

  constructor(secrets: Secrets, options: { cacheSize?: number; now?: () => number } = {}) {
    this.#secrets = secrets;
    this.#cacheSize = options.cacheSize ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Seal `value` for `purpose`, valid for `ttlSeconds` (0: no expiry, for data at rest). */
  async seal(purpose: string, value: unknown, ttlSeconds: number): Promise<string> {
    const sealed = await ironSeal({ p: purpose, v: value }, this.#secrets.current, {
      ...ironDefaults,
      ttl: ttlSeconds * 1000,
      timestampSkewSec: 0,
      localtimeOffsetMsec: this.#now() - Date.now(),
    });
    // A value we sealed ourselves needs no verification when it comes back; keep a frozen copy
    // so neither the caller nor a reader can change what the cache hands out.
    this.#remember(sealed, { value: deepFreeze(structuredClone(value)), purpose, expiresAt: ttlSeconds > 0 ? this.#now() + ttlSeconds * 1000 : Infinity, stale: false });
    return sealed;
  }

  /**
   * Open a seal made for `purpose`. Never throws: tampering, a wrong purpose, an unknown
   * secret id or garbage all give `invalid`; a seal past its lifetime gives `expired`.
   * `stale` is true when an older secret sealed it (re-seal it with the current one).
   */
  async open<T = unknown>(purpose: string, sealed: string): Promise<OpenResult<T>> {
    const now = this.#now();
    const hit = this.#cache.get(sealed);
    if (hit) {
      if (hit.purpose !== purpose) return { ok: false, reason: "invalid" };
      if (hit.expiresAt <= now) {
        this.#cache.delete(sealed);
        return { ok: false, reason: "expired" };
      }
      return { ok: true, value: hit.value as T, expiresAt: hit.expiresAt, stale: hit.stale };
    }
    if (sealed.length > 65_536 || !sealed.startsWith("Fe26.2*")) return { ok: false, reason: "invalid" };
    const parts = sealed.split("*");
    if (parts.length !== 8) return { ok: false, reason: "invalid" };
    const id = parts[1] ?? "";
    // No expiry (data at rest) is an empty field; anything else must be a positive time.
    const expiresAt = parts[5] === "" ? Infinity : Number(parts[5]);
    if (expiresAt !== Infinity && (!Number.isSafeInteger(expiresAt) || expiresAt <= 0)) return { ok: false, reason: "invalid" };
    if (!(id in this.#secrets.all)) return { ok: false, reason: "invalid" };
    let opened: unknown;
    try {
      // iron checks a seal's expiry before its HMAC; let it check only the HMAC (its clock at
      // the epoch), then judge the now-authentic expiry on our own clock.
      opened = await ironUnseal(sealed, this.#secrets.all, { ...ironDefaults, timestampSkewSec: 0, localtimeOffsetMsec: -Date.now() });
    } catch {
      return { ok: false, reason: "invalid" };
    }
    if (expiresAt <= now) return { ok: false, reason: "expired" };
    if (!isEnvelope(opened) || opened.p !== purpose) return { ok: false, reason: "invalid" };
    const stale = id !== this.#secrets.current.id;
    this.#remember(sealed, { value: deepFreeze(opened.v), purpose, expiresAt, stale });
    return { ok: true, value: opened.v as T, expiresAt, stale };
  }

  /**
   * A short MAC of `value` for `purpose` (HMAC-SHA256 under the current secret, base64url,
   * prefixed with the secret id): for values that travel in the clear but must come from us,
   * such as the extra scopes of a login link.
   */
  async mac(purpose: string, value: string): Promise<string> {
    const { id } = this.#secrets.current;
    return `${id}.${await this.#hmac(id, purpose, value)}`;
  }

  /** Whether `mac` is {@link Sealer.mac} of `value` for `purpose` under any known secret. */
  async verifyMac(purpose: string, value: string, mac: string): Promise<boolean> {
    const dot = mac.indexOf(".");
    const id = mac.slice(0, dot);
    if (dot < 1 || !(id in this.#secrets.all)) return false;
    const expected = await this.#hmac(id, purpose, value);
    const given = mac.slice(dot + 1);
    let diff = expected.length ^ given.length;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
    return diff === 0;
  }

  async #hmac(id: string, purpose: string, value: string): Promise<string> {
    let key = this.#macKeys.get(id);
    if (!key) {
      key = crypto.subtle.importKey("raw", textEncoder.encode(`dance-mac:${this.#secrets.all[id]}`), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      this.#macKeys.set(id, key);
    }
    const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await key, textEncoder.encode(`${purpose}\u0000${value}`)));
    let binary = "";
    for (const byte of signature) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  #remember(sealed: string, entry: CacheEntry): void {
    if (this.#cacheSize <= 0 || textEncoder.encode(sealed).length > 16_384) return;
    if (this.#cache.size >= this.#cacheSize) {
      // Evict the oldest insertion (Map keeps insertion order).
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
    this.#cache.set(sealed, entry);
  }
}

function isEnvelope(value: unknown): value is { p: string; v: unknown } {
  return typeof value === "object" && value !== null && typeof (value as { p?: unknown }).p === "string" && "v" in value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The {@link SealBox} of a sealer: purposes are kept apart from the cookies' (a cookie seal never opens as a row). @internal */
export function sealBoxOf(sealer: Sealer): SealBox {
  return Object.freeze({
    seal: (purpose: string, value: unknown) => sealer.seal(`rest:${purpose}`, value, 0),
    async open<T>(purpose: string, sealed: string) {
      const opened = await sealer.open<T>(`rest:${purpose}`, sealed);
      return opened.ok ? { value: opened.value, stale: opened.stale } : null;
    },
  });
}

/**
 * A {@link SealBox} for a secret (or a rotation map), outside any Dance: to read tokens a
 * storage sealed at rest back for a migration, or to re-seal them under a new secret.
 *
 * @example
 * ```ts
 * const box = createSealBox({ 2: process.env.NEW_SECRET!, 1: process.env.OLD_SECRET! });
 * for (const row of rows) {
 *   const opened = await box.open<Token>(`token:${row.provider}`, row.token);
 *   if (opened?.stale) await save(row.id, await box.seal(`token:${row.provider}`, opened.value));
 * }
 * ```
 */
export function createSealBox(secret: SecretInput): SealBox {
  return sealBoxOf(new Sealer(normalizeSecrets(secret)));
}
