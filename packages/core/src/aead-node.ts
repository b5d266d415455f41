/**
 * The seal's AES-256-GCM through node:crypto's synchronous cipher, for runtimes that resolve
 * `@dance/core`'s `#aead` import with the `node` condition (Node, Bun, Deno): a cold open costs
 * ~8 µs of CPU instead of WebCrypto's ~50 µs of promise and thread-pool round trips. The module
 * is looked up at run time (`process.getBuiltinModule`), never imported, and used only after it
 * has proved, once per key, that it opens WebCrypto's seals, that WebCrypto opens its seals and
 * that it rejects a changed byte; otherwise WebCrypto does the work. Bundles for Workers and
 * browsers resolve `#aead` to `aead.ts` and carry none of this.
 *
 * @internal
 * @module
 */
import { TAG_BYTES, webAead, type Aead } from "./aead.js";

/** The part of node:crypto the fast path uses (typed here: core does not depend on @types/node at run time). */
interface NodeCryptoLike {
  KeyObject: { from(key: CryptoKey): unknown };
  createCipheriv(algorithm: "aes-256-gcm", key: unknown, iv: Uint8Array, options: { authTagLength: number }): {
    setAAD(data: Uint8Array): unknown;
    update(data: Uint8Array): Uint8Array;
    final(): Uint8Array;
    getAuthTag(): Uint8Array;
  };
  createDecipheriv(algorithm: "aes-256-gcm", key: unknown, iv: Uint8Array, options: { authTagLength: number }): {
    setAAD(data: Uint8Array): unknown;
    setAuthTag(tag: Uint8Array): unknown;
    update(data: Uint8Array): Uint8Array;
    final(): Uint8Array;
  };
}

/** node:crypto, when this runtime hands it out without an import; undefined on Workers and in browsers. */
function nodeCrypto(): NodeCryptoLike | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const found = runtime?.getBuiltinModule?.("node:crypto") as Partial<NodeCryptoLike> | undefined;
    if (typeof found?.KeyObject?.from === "function" && typeof found.createCipheriv === "function" && typeof found.createDecipheriv === "function") {
      return found as NodeCryptoLike;
    }
  } catch {
    // Not Node, or a sandbox that refuses: WebCrypto does the work.
  }
  return undefined;
}

function nodeAead(node: NodeCryptoLike, key: CryptoKey): Aead {
  const keyObject = node.KeyObject.from(key);
  return {
    encrypt(iv, aad, plaintext) {
      const cipher = node.createCipheriv("aes-256-gcm", keyObject, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const head = cipher.update(plaintext);
      const tail = cipher.final();
      const tag = cipher.getAuthTag();
      const out = new Uint8Array(head.length + tail.length + tag.length);
      out.set(head);
      out.set(tail, head.length);
      out.set(tag, head.length + tail.length);
      return out;
    },
    decrypt(iv, aad, data) {
      if (data.length < TAG_BYTES) throw new Error("too short");
      // The tag length is fixed, never taken from the input (node:crypto would accept a 4-byte tag).
      const decipher = node.createDecipheriv("aes-256-gcm", keyObject, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const head = decipher.update(data.subarray(0, data.length - TAG_BYTES));
      const tail = decipher.final();
      if (tail.length === 0) return head;
      const out = new Uint8Array(head.length + tail.length);
      out.set(head);
      out.set(tail, head.length);
      return out;
    },
  };
}

/**
 * The synchronous node:crypto AEAD for `key`, if it agrees with WebCrypto both ways and
 * rejects a changed byte; otherwise WebCrypto's.
 */
export async function fastestAead(key: CryptoKey): Promise<Aead> {
  const web = webAead(key);
  const node = nodeCrypto();
  if (!node) return web;
  try {
    const fast = nodeAead(node, key);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const aad = new TextEncoder().encode("dance self-test");
    const plaintext = crypto.getRandomValues(new Uint8Array(37));
    const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
    const byWeb = await web.encrypt(iv, aad, plaintext);
    const byFast = await fast.encrypt(iv, aad, plaintext);
    if (!same(byWeb, byFast)) return web;
    if (!same(await fast.decrypt(iv, aad, new Uint8Array(byWeb)), plaintext)) return web;
    if (!same(await web.decrypt(iv, aad, new Uint8Array(byFast)), plaintext)) return web;
    const changed = new Uint8Array(byWeb);
    changed[changed.length - 1]! ^= 1;
    try {
      await fast.decrypt(iv, aad, changed);
      return web;
    } catch {
      return fast;
    }
  } catch {
    return web;
  }
}

