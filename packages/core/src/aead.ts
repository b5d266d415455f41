/**
 * The seal's AES-256-GCM on WebCrypto: what every runtime uses, and all that Workers and browser
 * bundles carry (`@dance/core`'s `#aead` import resolves here without the `node` condition; with
 * it, to `aead-node.ts`, which adds node:crypto's faster synchronous cipher).
 *
 * @internal
 * @module
 */

/** The GCM tag: always 16 bytes, at the end of the ciphertext. */
export const TAG_BYTES = 16;

/** AES-256-GCM under one key: `iv` is 12 bytes, the ciphertext carries its 16-byte tag at the end. */
export interface Aead {
  encrypt(iv: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, plaintext: Uint8Array<ArrayBuffer>): Promise<Uint8Array> | Uint8Array;
  /** Throws when the tag does not match. */
  decrypt(iv: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> | Uint8Array;
}

/** WebCrypto's AES-256-GCM under `key`. */
export function webAead(key: CryptoKey): Aead {
  return {
    encrypt: async (iv, additionalData, plaintext) => new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, key, plaintext)),
    decrypt: async (iv, additionalData, data) => new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData }, key, data)),
  };
}

/** The AEAD for `key`: WebCrypto's (`aead-node.ts` has the Node variant). */
export async function fastestAead(key: CryptoKey): Promise<Aead> {
  return webAead(key);
}
