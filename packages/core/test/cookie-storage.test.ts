/**
 * Unit tests of cookie storage (packages/core/src/storage.ts): chunking, rotation, tampering.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cookieStorage, createSealBox, parseCookieHeader, setCookieHeader, type StorageContext, type Token } from "@dance/core";
import { RequestCookieJar } from "../src/cookie-jar.js";
import { normalizeSecrets, Sealer } from "../src/seal.js";
import { cookieNameValue, isDeletion } from "./helpers.js";

const OLD = "old-secret-0123456789-abcdefghijklmnopq";
const NEW = "new-secret-0123456789-abcdefghijklmnopq";

const sealer = (secret: Parameters<typeof normalizeSecrets>[0] = NEW) => new Sealer(normalizeSecrets(secret), { cacheSize: 0 });

function jar(cookieHeader: string | null = null, options: { secure?: boolean; secret?: Parameters<typeof normalizeSecrets>[0] } = {}) {
  return new RequestCookieJar(cookieHeader, sealer(options.secret), options.secure ?? false);
}

/** The `Set-Cookie` values of every change the jar queued. */
const pendingOf = (jar: RequestCookieJar): string[] => jar.changes.map(setCookieHeader);

function ctx(cookies: RequestCookieJar, provider = "acme"): StorageContext {
  return { provider, request: new Request("http://localhost/"), user: undefined, cookies, seal: createSealBox(NEW) };
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
    expect(pendingOf(write)).toHaveLength(1);
    expect(pendingOf(write)[0]).toMatch(/^dance-acme=d1\.1\.[^;]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/);
    expect(await storage.get(ctx(jar(browserAfter(pendingOf(write)))))).toEqual(t);
  });

  it("chunks a large token below 4096 bytes per Set-Cookie and reads it back whole", async () => {
    const storage = cookieStorage();
    for (const secure of [false, true]) {
      const write = jar(null, { secure });
      const t = token(9000); // ~12 kB of token
      await storage.set(ctx(write), t);
      expect(pendingOf(write).length).toBeGreaterThanOrEqual(4);
      pendingOf(write).forEach((header, i) => {
        expect(cookieNameValue(header).name).toBe(`${secure ? "__Host-" : ""}dance-acme.${i}`);
        expect(new TextEncoder().encode(header).length).toBeLessThan(4096);
        expect(header.includes("; Secure")).toBe(secure);
      });
      const read = jar(browserAfter(pendingOf(write)), { secure });
      expect(await storage.get(ctx(read))).toEqual(t);
      expect(pendingOf(read)).toEqual([]); // reading a current cookie writes nothing
    }
  });

  it("moves between one cookie and chunks without leaving stale pieces", async () => {
    const storage = cookieStorage();
    const first = jar();
    await storage.set(ctx(first), token());
    let browser = browserAfter(pendingOf(first));

    const grow = jar(browser);
    const big = token(6000);
    await storage.set(ctx(grow), big);
    expect(pendingOf(grow).filter(isDeletion).map((h) => cookieNameValue(h).name)).toEqual(["dance-acme"]);
    browser = browserAfter(pendingOf(grow), browser);
    expect(Object.keys(Object.fromEntries(parseCookieHeader(browser))).sort()).toEqual(["dance-acme.0", "dance-acme.1", "dance-acme.2"]);
    expect(await storage.get(ctx(jar(browser)))).toEqual(big);

    const shrink = jar(browser);
    const small = token();
    await storage.set(ctx(shrink), small);
    expect(pendingOf(shrink).filter(isDeletion).map((h) => cookieNameValue(h).name).sort()).toEqual(["dance-acme.0", "dance-acme.1", "dance-acme.2"]);
    browser = browserAfter(pendingOf(shrink), browser);
    expect([...parseCookieHeader(browser).keys()]).toEqual(["dance-acme"]);
    expect(await storage.get(ctx(jar(browser)))).toEqual(small);

    // Delete removes every piece.
    const big2 = jar(browser);
    await storage.set(ctx(big2), token(6000));
    browser = browserAfter(pendingOf(big2), browser);
    const del = jar(browser);
    await storage.delete(ctx(del));
    expect(browserAfter(pendingOf(del), browser)).toBe("");
  });

  it("refuses a value too large even for chunks", async () => {
    await expect(cookieStorage().set(ctx(jar()), token(80_000))).rejects.toThrow(RangeError);
  });

  it("treats a changed, missing, reordered or foreign piece as no token", async () => {
    const storage = cookieStorage();
    const write = jar();
    await storage.set(ctx(write), token(6000));
    const pieces = parseCookieHeader(browserAfter(pendingOf(write)));
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
    const renamed = browserAfter(pendingOf(other)).replace("dance-other=", "dance-acme=");
    expect(await storage.get(ctx(jar(renamed)))).toBeNull();
    // A seal of the right purpose that holds no token.
    const notToken = await sealer().seal("token:acme", { hello: "world" }, 60);
    expect(await storage.get(ctx(jar(`dance-acme=${notToken}`)))).toBeNull();
    // On https only the __Host- cookie counts (a plain one may have been set by a sibling domain).
    const plain = jar();
    await storage.set(ctx(plain), token());
    expect(await storage.get(ctx(jar(browserAfter(pendingOf(plain)), { secure: true })))).toBeNull();
  });

  it("re-seals a cookie of an older secret with the newest one when read, and forgets it once the old secret is dropped", async () => {
    const storage = cookieStorage();
    const old = jar(null, { secret: OLD });
    const t = token();
    await storage.set(ctx(old), t);
    const oldBrowser = browserAfter(pendingOf(old));
    expect(oldBrowser).toMatch(/^dance-acme=d1\.1\./);

    const rotating = jar(oldBrowser, { secret: { 2: NEW, 1: OLD } });
    expect(await storage.get(ctx(rotating))).toEqual(t);
    expect(pendingOf(rotating)).toHaveLength(1);
    expect(cookieNameValue(pendingOf(rotating)[0]!).value).toMatch(/^d1\.2\./);
    const newBrowser = browserAfter(pendingOf(rotating), oldBrowser);

    expect(await storage.get(ctx(jar(newBrowser, { secret: { 2: NEW } })))).toEqual(t);
    const dropped = jar(oldBrowser, { secret: { 2: NEW } });
    expect(await storage.get(ctx(dropped))).toBeNull();
    expect(pendingOf(dropped)).toEqual([]);
  });

  it("parses hostile Cookie headers without throwing", () => {
    const parsed = parseCookieHeader(`a=%E0%A4%A; b="quoted"; =novalue; c; d=1=2; a=second; ${"e".repeat(100_000)}=x;;`);
    expect(parsed.get("a")).toBe("%E0%A4%A");
    expect(parsed.get("b")).toBe("quoted");
    expect(parsed.get("d")).toBe("1=2");
    expect(parsed.has("c")).toBe(false);
  });
});
