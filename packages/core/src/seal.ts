/**
 * Sealing: authenticated encryption of small JSON values — AES-256-GCM with a key derived
 * (HKDF-SHA-256) once per secret and kept, a purpose bound into every seal as associated
 * data, a lifetime inside every seal, secret rotation by id — and a bounded cache of seals
 * already opened. One format for every purpose: `d1.<secret id>.<base64url(iv ‖ ciphertext ‖ tag)>`.
 *
 * Why not iron (Fe26.2) any more: iron derives two keys with PBKDF2 on every seal and every
 * open (a cold cookie cost ~0.6–1 ms of CPU), and its envelope (salts, HMAC, expiry field)
 * makes a GitHub token cookie 639 bytes. Here the key is derived once per secret; a cold open
 * is one AES-GCM decryption (~0.1 ms), and the same cookie is under 400 bytes. Tampering,
 * another purpose, an unknown secret id or garbage still all fail as `invalid`.
 *
 * Where the runtime is Node (or another that offers `process.getBuiltinModule("node:crypto")`),
 * the same AES-256-GCM runs through node:crypto's synchronous cipher on the same derived key:
 * a cold open costs ~8 µs of CPU instead of WebCrypto's ~50 µs of promise and thread-pool
 * round trips (`aead-node.ts`, which `#aead` resolves to under the `node` condition; bundles for
 * Workers and browsers resolve `#aead` to `aead.ts` and carry WebCrypto's only). The format is
 * the same either way.
 *
 * @module
 */
// Node's synchronous AES-GCM where the runtime is Node-like (the package's `node` condition), WebCrypto's elsewhere.
import { fastestAead } from "#aead";
import { TAG_BYTES, webAead, type Aead } from "./aead.js";
import { fromBase64Url, toBase64Url } from "./base64.js";
import { DanceConfigError } from "./errors.js";
import type { SealBox } from "./types.js";

/** One secret, or an id → secret map to rotate: the highest id seals, any id opens. */
export type SecretInput = string | Readonly<Record<string | number, string>>;

/**
 * The minimum secret length Dance accepts.
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
const textDecoder = new TextDecoder("utf-8", { fatal: true });
const FORMAT = "d1";
/** What a seal looks like: `d1.<secret id>.<base64url>`. */
const SEALED = /^d1\.\d+\.[\w-]+$/;
const IV_BYTES = 12;

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
  readonly #keys = new Map<string, Promise<Aead>>();
  readonly #aad = new Map<string, Uint8Array<ArrayBuffer>>();
  readonly #webOnly: boolean;

  /**
   * @param options.cacheSize how many opened seals to keep (0: none); 1000 by default.
   * @param options.now the clock, for tests.
   * @param options.webCryptoOnly never use node:crypto's synchronous cipher, even on Node.
   */
  constructor(secrets: Secrets, options: { cacheSize?: number; now?: () => number; webCryptoOnly?: boolean } = {}) {
    this.#secrets = secrets;
    this.#cacheSize = options.cacheSize ?? 1000;
    this.#now = options.now ?? Date.now;
    this.#webOnly = options.webCryptoOnly === true;
  }

  /** Seal `value` for `purpose`, valid for `ttlSeconds` (0: no expiry, for data at rest). */
  async seal(purpose: string, value: unknown, ttlSeconds: number): Promise<string> {
    const { id } = this.#secrets.current;
    const expiresAt = ttlSeconds > 0 ? this.#now() + ttlSeconds * 1000 : 0;
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const plaintext = textEncoder.encode(JSON.stringify([expiresAt, value]));
    const ciphertext = await (await this.#key(id)).encrypt(iv, this.#aadOf(purpose), plaintext);
    const bytes = new Uint8Array(IV_BYTES + ciphertext.length);
    bytes.set(iv);
    bytes.set(ciphertext, IV_BYTES);
    const sealed = `${FORMAT}.${id}.${toBase64Url(bytes)}`;
    // A value we sealed ourselves needs no verification when it comes back; keep a frozen copy
    // so neither the caller nor a reader can change what the cache hands out.
    this.#remember(sealed, { value: deepFreeze(structuredClone(value)), purpose, expiresAt: expiresAt || Infinity, stale: false });
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
    const invalid = { ok: false, reason: "invalid" } as const;
    if (sealed.length > 65_536 || !sealed.startsWith(`${FORMAT}.`)) return invalid;
    const dot = sealed.indexOf(".", FORMAT.length + 1);
    const id = sealed.slice(FORMAT.length + 1, dot);
    if (dot === -1 || !Object.hasOwn(this.#secrets.all, id)) return invalid;
    const bytes = fromBase64Url(sealed.slice(dot + 1));
    if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) return invalid;
    let opened: unknown;
    try {
      const plaintext = await (await this.#key(id)).decrypt(bytes.subarray(0, IV_BYTES), this.#aadOf(purpose), bytes.subarray(IV_BYTES));
      opened = JSON.parse(textDecoder.decode(plaintext));
    } catch {
      // Another key, another purpose, a changed byte: the tag does not match.
      return invalid;
    }
    if (!Array.isArray(opened) || opened.length !== 2 || typeof opened[0] !== "number" || !(opened[0] >= 0)) return invalid;
    const expiresAt = opened[0] === 0 ? Infinity : opened[0];
    if (expiresAt <= now) return { ok: false, reason: "expired" };
    const stale = id !== this.#secrets.current.id;
    this.#remember(sealed, { value: deepFreeze(opened[1]), purpose, expiresAt, stale });
    return { ok: true, value: opened[1] as T, expiresAt, stale };
  }

  /** The purpose as associated data (the few purposes there are, encoded once). */
  #aadOf(purpose: string): Uint8Array<ArrayBuffer> {
    let aad = this.#aad.get(purpose);
    if (!aad) {
      aad = textEncoder.encode(purpose);
      if (this.#aad.size < 256) this.#aad.set(purpose, aad);
    }
    return aad;
  }

  /** The AES-256-GCM key of a secret id: derived once (HKDF-SHA-256, the id bound in) and kept. */
  #key(id: string): Promise<Aead> {
    let key = this.#keys.get(id);
    if (!key) {
      key = crypto.subtle
        .importKey("raw", textEncoder.encode(this.#secrets.all[id]), "HKDF", false, ["deriveKey"])
        .then((base) =>
          crypto.subtle.deriveKey(
            { name: "HKDF", hash: "SHA-256", salt: textEncoder.encode("dance seal"), info: textEncoder.encode(`${FORMAT} aes-256-gcm ${id}`) },
            base,
            { name: "AES-GCM", length: 256 },
            false,
            ["encrypt", "decrypt"],
          ),
        )
        .then((derived) => (this.#webOnly ? webAead(derived) : fastestAead(derived)));
      this.#keys.set(id, key);
    }
    return key;
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
    return toBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", await key, textEncoder.encode(`${purpose}\u0000${value}`))));
  }

  #remember(sealed: string, entry: CacheEntry): void {
    // Seals are ASCII: length is their size in bytes.
    if (this.#cacheSize <= 0 || sealed.length > 16_384) return;
    if (this.#cache.size >= this.#cacheSize) {
      // Evict the oldest insertion (Map keeps insertion order).
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
    this.#cache.set(sealed, entry);
  }
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
    isSealed: (text: string) => SEALED.test(text),
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
