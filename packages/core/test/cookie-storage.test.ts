/**
 * Unit tests of cookie storage (packages/core/src/storage.ts): chunking, rotation, tampering.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cookieStorage, parseCookieHeader, type StorageContext, type Token } from "@dance/core";
import { normalizeSecrets, Sealer } from "../src/seal.js";
import { RequestCookieJar } from "../src/storage.js";
import { cookieNameValue, isDeletion } from "./helpers.js";

const OLD = "old-secret-0123456789-abcdefghijklmnopq";
const NEW = "new-secret-0123456789-abcdefghijklmnopq";

const sealer = (secret: Parameters<typeof normalizeSecrets>[0] = NEW) => new Sealer(normalizeSecrets(secret), { cacheSize: 0 });

function jar(cookieHeader: string | null = null, options: { secure?: boolean; secret?: Parameters<typeof normalizeSecrets>[0] } = {}) {
  return new RequestCookieJar(cookieHeader, sealer(options.secret), options.secure ?? false);
}

function ctx(cookies: RequestCookieJar, provider = "acme"): StorageContext {
  return { provider, request: new Request("http://localhost/"), user: undefined, cookies };
}

/** The Cookie header a browser sends after applying `pending` to `before`. */
function browserAfter(pending: readonly string[], before = ""): string {
  const cookies = parseCookieHeader(before);
  for (const header of pending) {
    const { name, value } = cookieNameValue(header);
    if (isDeletion(header)) cookies.delete(name);
    else cookies.set(name, value);
  }
  return [...cookies].map(([n, v]) => `${n}=${v}`).join("; ");
}

const token = (size = 20): Token => ({ access_token: `at-${randomBytes(size).toString("base64url")}`, token_type: "bearer", refresh_token: "rt-1" });

describe("cookie storage", () => {
  it("writes a small token as one HttpOnly, SameSite=Lax cookie with a lifetime, and reads it back", async () => {
    const storage = cookieStorage({ maxAge: 3600 });
    const write = jar();
    const t = token();
    await storage.set(ctx(write), t);
    expect(write.pending).toHaveLength(1);
    expect(write.pending[0]).toMatch(/^dance-acme=Fe26\.2\*1\*[^;]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/);
    expect(await storage.get(ctx(jar(browserAfter(write.pending))))).toEqual(t);
  });

  it("chunks a large token below 4096 bytes per Set-Cookie and reads it back whole", async () => {
    const storage = cookieStorage();
    for (const secure of [false, true]) {
      const write = jar(null, { secure });
      const t = token(9000); // ~12 kB of token
      await storage.set(ctx(write), t);
      expect(write.pending.length).toBeGreaterThanOrEqual(4);
      write.pending.forEach((header, i) => {
        expect(cookieNameValue(header).name).toBe(`${secure ? "__Host-" : ""}dance-acme.${i}`);
        expect(new TextEncoder().encode(header).length).toBeLessThan(4096);
        expect(header.includes("; Secure")).toBe(secure);
      });
      const read = jar(browserAfter(write.pending), { secure });
      expect(await storage.get(ctx(read))).toEqual(t);
      expect(read.pending).toEqual([]); // reading a current cookie writes nothing
    }
  });

  it("moves between one cookie and chunks without leaving stale pieces", async () => {
    const storage = cookieStorage();
    const first = jar();
    await storage.set(ctx(first), token());
    let browser = browserAfter(first.pending);

    const grow = jar(browser);
    const big = token(6000);
    await storage.set(ctx(grow), big);
    expect(grow.pending.filter(isDeletion).map((h) => cookieNameValue(h).name)).toEqual(["dance-acme"]);
    browser = browserAfter(grow.pending, browser);
    expect(Object.keys(Object.fromEntries(parseCookieHeader(browser))).sort()).toEqual(["dance-acme.0", "dance-acme.1", "dance-acme.2"]);
    expect(await storage.get(ctx(jar(browser)))).toEqual(big);

    const shrink = jar(browser);
    const small = token();
    await storage.set(ctx(shrink), small);
    expect(shrink.pending.filter(isDeletion).map((h) => cookieNameValue(h).name).sort()).toEqual(["dance-acme.0", "dance-acme.1", "dance-acme.2"]);
    browser = browserAfter(shrink.pending, browser);
    expect([...parseCookieHeader(browser).keys()]).toEqual(["dance-acme"]);
    expect(await storage.get(ctx(jar(browser)))).toEqual(small);

    // Delete removes every piece.
    const big2 = jar(browser);
    await storage.set(ctx(big2), token(6000));
    browser = browserAfter(big2.pending, browser);
    const del = jar(browser);
    await storage.delete(ctx(del));
    expect(browserAfter(del.pending, browser)).toBe("");
  });

  it("refuses a value too large even for chunks", async () => {
    await expect(cookieStorage().set(ctx(jar()), token(80_000))).rejects.toThrow(RangeError);
  });

  it("treats a changed, missing, reordered or foreign piece as no token", async () => {
    const storage = cookieStorage();
    const write = jar();
    await storage.set(ctx(write), token(6000));
    const pieces = parseCookieHeader(browserAfter(write.pending));
    const header = (map: Map<string, string>) => [...map].map(([n, v]) => `${n}=${v}`).join("; ");
    const variants: Map<string, string>[] = [];
    const changed = new Map(pieces);
    const p1 = changed.get("dance-acme.1")!;
    changed.set("dance-acme.1", `${p1.slice(0, 10)}${p1[10] === "A" ? "B" : "A"}${p1.slice(11)}`);
    variants.push(changed);
    const missing = new Map(pieces);
    missing.delete("dance-acme.1");
    variants.push(missing);
    const swapped = new Map(pieces);
    swapped.set("dance-acme.0", pieces.get("dance-acme.1")!);
    swapped.set("dance-acme.1", pieces.get("dance-acme.0")!);
    variants.push(swapped);
    const extra = new Map(pieces);
    extra.set("dance-acme.3", "AAAA");
    variants.push(extra);
    for (const variant of variants) expect(await storage.get(ctx(jar(header(variant))))).toBeNull();

    // Another provider's cookie, renamed: the purpose inside the seal differs.
    const other = jar();
    await storage.set(ctx(other, "other"), token());
    const renamed = browserAfter(other.pending).replace("dance-other=", "dance-acme=");
    expect(await storage.get(ctx(jar(renamed)))).toBeNull();
    // A seal of the right purpose that holds no token.
    const notToken = await sealer().seal("token:acme", { hello: "world" }, 60);
    expect(await storage.get(ctx(jar(`dance-acme=${notToken}`)))).toBeNull();
    // On https only the __Host- cookie counts (a plain one may have been set by a sibling domain).
    const plain = jar();
    await storage.set(ctx(plain), token());
    expect(await storage.get(ctx(jar(browserAfter(plain.pending), { secure: true })))).toBeNull();
  });

  it("re-seals a cookie of an older secret with the newest one when read, and forgets it once the old secret is dropped", async () => {
    const storage = cookieStorage();
    const old = jar(null, { secret: OLD });
    const t = token();
    await storage.set(ctx(old), t);
    const oldBrowser = browserAfter(old.pending);
    expect(oldBrowser).toMatch(/^dance-acme=Fe26\.2\*1\*/);

    const rotating = jar(oldBrowser, { secret: { 2: NEW, 1: OLD } });
    expect(await storage.get(ctx(rotating))).toEqual(t);
    expect(rotating.pending).toHaveLength(1);
    expect(cookieNameValue(rotating.pending[0]!).value).toMatch(/^Fe26\.2\*2\*/);
    const newBrowser = browserAfter(rotating.pending, oldBrowser);

    expect(await storage.get(ctx(jar(newBrowser, { secret: { 2: NEW } })))).toEqual(t);
    const dropped = jar(oldBrowser, { secret: { 2: NEW } });
    expect(await storage.get(ctx(dropped))).toBeNull();
    expect(dropped.pending).toEqual([]);
  });

  it("parses hostile Cookie headers without throwing", () => {
    const parsed = parseCookieHeader(`a=%E0%A4%A; b="quoted"; =novalue; c; d=1=2; a=second; ${"e".repeat(100_000)}=x;;`);
    expect(parsed.get("a")).toBe("%E0%A4%A");
    expect(parsed.get("b")).toBe("quoted");
    expect(parsed.get("d")).toBe("1=2");
    expect(parsed.has("c")).toBe(false);
  });
});
