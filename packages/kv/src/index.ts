/**
 * `@dance/kv`: token storage for Dance on key-value stores through unstorage — Redis, Cloudflare
 * KV, memory, the filesystem — keyed by provider and user (or an anonymous browser's session),
 * expiring with the token, encrypted at rest.
 *
 * @example
 * ```ts
 * import { createStorage } from "unstorage";
 * import cloudflareKVBindingDriver from "unstorage/drivers/cloudflare-kv-binding";
 * import { kvStorage } from "@dance/kv";
 *
 * const dance = createDance((env: Env) => ({
 *   secret: env.DANCE_SECRET,
 *   providers: [github()],
 *   storage: kvStorage({ storage: createStorage({ driver: cloudflareKVBindingDriver({ binding: env.TOKENS }) }) }),
 * }));
 * ```
 * @module
 */
export { KvStorage, kvStorage } from "./storage.js";
export type { KvStorageOptions, KvStorageWarning, KvStore } from "./storage.js";
export { memoryLock, redisLock } from "./lock.js";
export type { KvLock, RedisLike, RedisLockOptions } from "./lock.js";
export { StorageError } from "@dance/core";
export type { StorageErrorCode } from "@dance/core";
export { defaultIsAnonymous } from "@dance/core";
export type { Assignment, Resolver, StorageUser, UserOptions } from "@dance/core";
