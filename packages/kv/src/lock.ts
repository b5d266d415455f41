/**
 * Locks for KV storages: Redis (`SET NX PX` + compare-and-delete) across processes, and an
 * in-process lock for the memory driver. Cloudflare KV is eventually consistent and has no
 * atomic compare-and-set: it cannot lock, and `@dance/kv` does not pretend it can.
 *
 * @module
 */
import { StorageError } from "@dance/core";

/**
 * Mutual exclusion by key.
 *
 * @example
 * ```ts
 * const lock: KvLock = redisLock(redis);
 * await lock.run("github:42", async () => refresh());
 * ```
 * @see https://redis.io/docs/latest/develop/use/patterns/distributed-locks/
 */
export interface KvLock {
  /** Run `fn` holding the lock `key`; released when `fn` settles, also when it throws. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * The part of an ioredis client {@link redisLock} uses.
 *
 * @example
 * ```ts
 * import Redis from "ioredis";
 * const client: RedisLike = new Redis("redis://127.0.0.1:6379");
 * ```
 * @see https://github.com/redis/ioredis
 */
export interface RedisLike {
  set(key: string, value: string, px: "PX", ms: number, nx: "NX"): Promise<string | null>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
}

/**
 * Options of {@link redisLock}.
 *
 * @example
 * ```ts
 * redisLock(client, { ttl: 10_000, wait: 15_000, prefix: "app:lock:" });
 * ```
 * @see https://redis.io/docs/latest/commands/set/
 */
export interface RedisLockOptions {
  /** The lock outlives a crashed holder by this much, ms. Default 30 000. */
  ttl?: number;
  /** How long to wait for the lock before `lock_timeout`, ms. Default 35 000. */
  wait?: number;
  /** Prefix of the lock keys. Default `dance:lock:`. */
  prefix?: string;
}

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function randomOwner(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** One holder at a time per key in this process: waiters queue on a promise chain. */
function localQueue() {
  const chains = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const before = chains.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    chains.set(key, settled);
    void settled.then(() => chains.get(key) === settled && chains.delete(key));
    return run;
  };
}

/**
 * A Redis lock shared by every process using the same Redis: `SET key owner NX PX ttl`, extended
 * while the holder runs, released by a compare-and-delete script (never someone else's lock).
 * Waiters in one process queue locally, so one of them polls Redis.
 *
 * @example
 * ```ts
 * import Redis from "ioredis";
 * const storage = kvStorage({ storage: createStorage({ driver: redisDriver({ url }) }), lock: redisLock(new Redis(url)) });
 * ```
 * @see https://redis.io/docs/latest/develop/use/patterns/distributed-locks/#correct-implementation-with-a-single-instance
 */
export function redisLock(client: RedisLike, options: RedisLockOptions = {}): KvLock {
  if (!client || typeof client.set !== "function" || typeof client.eval !== "function") throw new TypeError("redisLock() needs an ioredis client.");
  const ttl = options.ttl ?? 30_000;
  const wait = options.wait ?? 35_000;
  const prefix = options.prefix ?? "dance:lock:";
  const queue = localQueue();
  const hold = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const name = `${prefix}${key}`;
    const owner = randomOwner();
    const deadline = Date.now() + wait;
    let pause = 5;
    while ((await client.set(name, owner, "PX", ttl, "NX")) !== "OK") {
      if (Date.now() >= deadline) throw new StorageError("lock_timeout", `The token lock "${key}" was not obtained within ${wait} ms.`);
      await sleep(pause * (0.5 + Math.random()));
      pause = Math.min(pause * 1.6, 100);
    }
    let holding = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const extend = () => {
      timer = setTimeout(() => {
        if (!holding) return;
        client.eval(EXTEND, 1, name, owner, ttl).then(
          () => holding && extend(),
          () => holding && extend(),
        );
      }, Math.max(50, Math.floor(ttl / 3)));
      (timer as { unref?: () => void }).unref?.();
    };
    extend();
    try {
      return await fn();
    } finally {
      holding = false;
      clearTimeout(timer);
      // A release that fails (Redis went away) leaves a key that expires after `ttl`.
      await client.eval(RELEASE, 1, name, owner).catch(() => undefined);
    }
  };
  return Object.freeze({ run: <T>(key: string, fn: () => Promise<T>) => queue(key, () => hold(key, fn)) });
}

/**
 * A lock within this process only: right for the memory driver (one process is all it serves),
 * never for storages shared between processes.
 *
 * @example
 * ```ts
 * kvStorage({ storage: createStorage(), lock: memoryLock() });
 * ```
 * @see {@link redisLock} for several processes
 */
export function memoryLock(): KvLock {
  const queue = localQueue();
  return Object.freeze({ run: <T>(key: string, fn: () => Promise<T>) => queue(key, fn) });
}
