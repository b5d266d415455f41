/**
 * `@dance/kv` beyond the shared scenarios (test/storage): the drivers that are not servers
 * (memory, filesystem), expiry from the token (Redis TTLs, and the check on read for drivers
 * without TTL), the anonymous session cookie, and the Redis lock's compare-and-delete.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { createStorage } from "unstorage";
import fsDriver from "unstorage/drivers/fs";
import redisDriver from "unstorage/drivers/redis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDance, createSealBox, type StorageContext, type Token } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import { kvStorage, memoryLock, redisLock, StorageError } from "@dance/kv";

const SECRET = "kv-test-secret-0123456789-abcdefghijklmno";
const dir = mkdtempSync(join(tmpdir(), "dance-kv-"));
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  rmSync(dir, { recursive: true, force: true });
});

const ctxFor = (provider: string, user: unknown): StorageContext => ({ provider, request: undefined, user, cookies: undefined as never, seal: createSealBox(SECRET) });
const token = (access: string, extra: Partial<Token> = {}): Token => ({ access_token: access, token_type: "bearer", ...extra });
const now = () => Math.floor(Date.now() / 1000);

function redisClient(): Redis {
  const client = new Redis(inject("redisUrl"));
  closers.push(() => client.quit());
  return client;
}

describe("drivers without a server", () => {
  it("memory: tokens by provider and user, an in-process lock", async () => {
    const storage = kvStorage({ storage: createStorage() });
    expect(storage.withLock).toBeTypeOf("function");
    await storage.set(ctxFor("github", "ada"), token("ada-gh"));
    await storage.set(ctxFor("github", 7), token("seven-gh"));
    expect((await storage.get(ctxFor("github", "ada")))?.access_token).toBe("ada-gh");
    expect((await storage.get(ctxFor("github", "7")))?.access_token).toBe("seven-gh");
    expect(await storage.get(ctxFor("google", "ada"))).toBeNull();
    await storage.delete(ctxFor("github", "ada"));
    expect(await storage.get(ctxFor("github", "ada"))).toBeNull();
    const order: string[] = [];
    await Promise.all([
      storage.withLock!(ctxFor("github", "7"), async () => {
        order.push("a:start");
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push("a:end");
      }),
      storage.withLock!(ctxFor("github", "7"), async () => void order.push("b")),
    ]);
    expect(order).toEqual(["a:start", "a:end", "b"]);
  });

  it("filesystem: one sealed file per token; it cannot lock across processes, so it has no withLock", async () => {
    const base = join(dir, "fs");
    const storage = kvStorage({ storage: createStorage({ driver: fsDriver({ base }) }) });
    expect(storage.withLock).toBeUndefined();
    await storage.set(ctxFor("github", "a:b/c?d"), token("odd-user"));
    expect((await storage.get(ctxFor("github", "a:b/c?d")))?.access_token).toBe("odd-user");
    const files = readdirSync(base, { recursive: true }).map(String).filter((f) => statSync(join(base, f)).isFile());
    expect(files).toHaveLength(1);
    const file = files[0]!;
    const stored = readFileSync(join(base, file), "utf8");
    expect(stored).toMatch(/d1\.1\./);
    expect(stored).not.toContain("odd-user");
  });
});

describe("expiry from the token", () => {
  it("Redis: a token without a refresh token lives until it expires (TTL); one with a refresh token for maxAge", async () => {
    const client = redisClient();
    const store = createStorage({ driver: redisDriver({ url: inject("redisUrl") }) });
    closers.push(() => store.dispose());
    const prefix = `dance-ttl-${process.pid}`;
    const storage = kvStorage({ storage: store, prefix, maxAge: 7 * 24 * 3600 });
    await storage.set(ctxFor("github", "ada"), token("short", { expires_at: now() + 120 }));
    await storage.set(ctxFor("google", "ada"), token("long", { expires_at: now() + 120, refresh_token: "rt" }));
    await storage.set(ctxFor("slack", "ada"), token("soon", { expires_at: now() + 5 }));
    const ttl = (provider: string) => client.ttl(`${prefix}:${provider}:u:ada`);
    expect(await ttl("github")).toBeGreaterThan(110);
    expect(await ttl("github")).toBeLessThanOrEqual(120);
    expect(await ttl("google")).toBeGreaterThan(7 * 24 * 3600 - 10);
    // Cloudflare KV's shortest TTL is 60 s: never less.
    expect(await ttl("slack")).toBeGreaterThanOrEqual(59);
  });

  it("a driver without TTL (filesystem): an expired entry is found expired on read and removed", async () => {
    const base = join(dir, "fs-expiry");
    const store = createStorage({ driver: fsDriver({ base }) });
    const storage = kvStorage({ storage: store });
    await storage.set(ctxFor("github", "ada"), token("gone"));
    const [key] = await store.getKeys("dance:token");
    const entry = (await store.getItem(key!)) as { token: string; exp: number };
    await store.setItem(key!, { ...entry, exp: Date.now() - 1 });
    expect(await storage.get(ctxFor("github", "ada"))).toBeNull();
    expect(await store.getKeys("dance:token")).toEqual([]);
  });
});

describe("anonymous visitors", () => {
  const provider = oauth2({ id: "acme", clientId: "id", clientSecret: "secret", authorizationUrl: "https://auth.acme.test/authorize", tokenUrl: "https://auth.acme.test/token", apiBaseUrl: "https://api.acme.test/" });

  it("a token is kept under a random session id in an HttpOnly cookie (__Host- and Secure on https); the key holds only its hash", async () => {
    const store = createStorage();
    const dance = createDance({ secret: SECRET, providers: [provider], storage: kvStorage({ storage: store }) });
    const request = new Request("https://app.example.com/connect");
    await (await dance.session(request, "acme")).setToken(token("anonymous-token"));
    const [cookie] = dance.commit(request, new Response()).headers.getSetCookie().filter((c) => c.includes("dance-sid"));
    expect(cookie).toMatch(/^__Host-dance-sid=[A-Za-z0-9_-]{43};/);
    expect(cookie!.split("; ").slice(1).sort()).toEqual(["HttpOnly", "Max-Age=2592000", "Path=/", "SameSite=Lax", "Secure"]);
    const sid = /=([^;]+)/.exec(cookie!)![1]!;
    const keys = await store.getKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^dance:token:acme:s:[0-9a-f]{64}$/);
    expect(keys[0]).not.toContain(sid);
    const back = new Request("https://app.example.com/", { headers: { cookie: `__Host-dance-sid=${sid}` } });
    expect((await dance.session(back, "acme")).token?.access_token).toBe("anonymous-token");
    const forged = new Request("https://app.example.com/", { headers: { cookie: "__Host-dance-sid=not-a-session" } });
    expect((await dance.session(forged, "acme")).authorized).toBe(false);
  });

  it("with userRequired, an anonymous visitor gets no session cookie and no token", async () => {
    const store = createStorage();
    const storage = kvStorage({ storage: store, user: () => null });
    const dance = createDance({ secret: SECRET, providers: [provider], storage });
    const request = new Request("https://app.example.com/");
    const session = await dance.session(request, "acme");
    await expect(session.setToken(token("t"))).rejects.toMatchObject({ code: "storage_failed" });
    expect(dance.commit(request, new Response()).headers.getSetCookie()).toEqual([]);
    expect(await store.getKeys()).toEqual([]);
  });
});

describe("the Redis lock", () => {
  it("SET NX PX: a second holder waits; a key someone else holds is never deleted by our release; a stale key times out into lock_timeout", async () => {
    const client = redisClient();
    const prefix = `dance-lock-${process.pid}:`;
    const one = redisLock(client, { prefix, ttl: 2000, wait: 300 });
    const two = redisLock(redisClient(), { prefix, ttl: 2000, wait: 3000 });
    const order: string[] = [];
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    await Promise.all([
      one.run("k", async () => {
        order.push("one:start");
        started();
        await new Promise((resolve) => setTimeout(resolve, 200));
        order.push("one:end");
      }),
      holding.then(() => two.run("k", async () => void order.push("two"))),
    ]);
    expect(order).toEqual(["one:start", "one:end", "two"]);
    expect(await client.exists(`${prefix}k`)).toBe(0);

    // Our lock expired and someone else took it: our release leaves theirs alone.
    await one.run("k2", async () => {
      await client.set(`${prefix}k2`, "someone-else");
    });
    expect(await client.get(`${prefix}k2`)).toBe("someone-else");
    await expect(one.run("k2", async () => "never")).rejects.toMatchObject({ name: "StorageError", code: "lock_timeout" });
    await expect(one.run("k2", async () => "never")).rejects.toBeInstanceOf(StorageError);
    await client.del(`${prefix}k2`);
  });

  it("kvStorage finds the Redis client of unstorage's redis driver and locks with it", async () => {
    const store = createStorage({ driver: redisDriver({ url: inject("redisUrl") }) });
    closers.push(() => store.dispose());
    const storage = kvStorage({ storage: store, prefix: `dance-auto-${process.pid}` });
    expect(storage.withLock).toBeTypeOf("function");
    const client = redisClient();
    const seen = await storage.withLock!(ctxFor("github", "ada"), async () => client.keys(`dance:lock:dance-auto-${process.pid}*`));
    expect(seen).toHaveLength(1);
    expect(kvStorage({ storage: store, lock: false }).withLock).toBeUndefined();
    expect(kvStorage({ storage: store, lock: memoryLock() }).withLock).toBeTypeOf("function");
  });
});
