/**
 * Unit tests of the seal (packages/core/src/seal.ts): purpose, lifetime, tampering, rotation.
 */
import nodeCrypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSealBox, DanceConfigError } from "@dance/core";
import { normalizeSecrets, Sealer, type OpenResult } from "../src/seal.js";

const A = "secret-a-0123456789-abcdefghijklmnopqrs";
const B = "secret-b-0123456789-abcdefghijklmnopqrs";

/** A sealer that never answers from its cache: every open really unseals. */
const uncached = (secret: Parameters<typeof normalizeSecrets>[0], now?: () => number) =>
  new Sealer(normalizeSecrets(secret), { cacheSize: 0, ...(now ? { now } : {}) });

const invalid: OpenResult<unknown> = { ok: false, reason: "invalid" };

describe("seal", () => {
  it("opens what it sealed, for the same purpose only", async () => {
    for (const sealer of [new Sealer(normalizeSecrets(A)), uncached(A)]) {
      const sealed = await sealer.seal("token:github", { access_token: "t", n: [1, 2] }, 60);
      expect(sealed).toMatch(/^d1\.1\.[\w-]+$/);
      const opened = await sealer.open("token:github", sealed);
      expect(opened).toMatchObject({ ok: true, value: { access_token: "t", n: [1, 2] }, stale: false });
      expect(await sealer.open("token:google", sealed)).toEqual(invalid);
      expect(await sealer.open("tx:github", sealed)).toEqual(invalid);
    }
    // Another instance with the same secret opens it (nothing depends on process memory).
    const sealed = await new Sealer(normalizeSecrets(A)).seal("p", { v: 1 }, 60);
    expect(await uncached(A).open("p", sealed)).toMatchObject({ ok: true, value: { v: 1 } });
    expect(await uncached(B).open("p", sealed)).toEqual(invalid);
  });

  it("always seals a lifetime, and enforces it when opening", async () => {
    let t = Date.now();
    const now = () => t;
    const sealer = new Sealer(normalizeSecrets(A), { now });
    const sealed = await sealer.seal("tx:x", { s: 1 }, 600);
    // The lifetime is inside the seal (authenticated): another instance reads the same one.
    const opened = await uncached(A, now).open("tx:x", sealed);
    const expiration = opened.ok ? opened.expiresAt : 0;
    expect(expiration).toBeGreaterThanOrEqual(t + 600_000 - 1000);
    expect(expiration).toBeLessThanOrEqual(t + 600_000 + 1000);
    t += 599_000;
    expect((await sealer.open("tx:x", sealed)).ok).toBe(true);
    expect((await uncached(A, now).open("tx:x", sealed)).ok).toBe(true);
    t += 2_000;
    expect(await uncached(A, now).open("tx:x", sealed)).toEqual({ ok: false, reason: "expired" });
    expect(await sealer.open("tx:x", sealed)).toEqual({ ok: false, reason: "expired" });
  });

  it("reports any change, cut or garbage as invalid, never throws", async () => {
    const sealer = uncached(A);
    const sealed = await sealer.seal("p", { secret: "value" }, 60);
    const [format, id, payload] = sealed.split(".") as [string, string, string];
    expect([format, id]).toEqual(["d1", "1"]);
    const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === "A" ? "B" : "A"}${s.slice(i + 1)}`;
    const forged: string[] = [];
    // One character changed anywhere in the payload: the iv, the ciphertext (with the expiry inside it), the tag.
    for (const i of [0, 8, 15, Math.floor(payload.length / 2), payload.length - 10, payload.length - 2]) forged.push(`d1.1.${flip(payload, i)}`);
    forged.push(
      sealed.slice(0, -1),
      sealed.slice(0, sealed.length / 2),
      `${sealed}A`,
      sealed.replace("d1.", "d2."),
      sealed.replace("d1.1.", "d1.2."),
      `${sealed}.extra`,
      "",
      "d1",
      "d1.1.",
      "d1..",
      "d1.1.!!!!",
      "%E0%A4%A",
      "A".repeat(100_000),
      `d1.1.${"A".repeat(70_000)}`,
      `d1.1.${"A".repeat(27)}`,
      "d1.__proto__.AAAA",
      "d1.constructor.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    );
    for (const value of forged) {
      await expect(sealer.open("p", value), value.slice(0, 80)).resolves.toEqual(invalid);
    }
  });

  it("seals with the highest secret id, opens with any, and marks older ids stale", async () => {
    const oldSeal = await uncached({ 1: A }).seal("p", { v: "old" }, 60);
    expect(oldSeal).toMatch(/^d1\.1\./);
    const rotating = uncached({ 2: B, 1: A });
    expect(await rotating.seal("p", { v: "new" }, 60)).toMatch(/^d1\.2\./);
    expect(await rotating.open("p", oldSeal)).toMatchObject({ ok: true, value: { v: "old" }, stale: true });
    const newSeal = await rotating.seal("p", { v: "new" }, 60);
    expect(await rotating.open("p", newSeal)).toMatchObject({ ok: true, stale: false });
    // Id 1 dropped: the old seal is simply invalid.
    expect(await uncached({ 2: B }).open("p", oldSeal)).toEqual(invalid);
    // The same secret under another id does not open it either: the id is part of the seal.
    expect(await uncached({ 3: A }).open("p", oldSeal)).toEqual(invalid);
    // Ids order numerically, not as strings.
    expect(await uncached({ 9: A, 10: B }).seal("p", 1, 60)).toMatch(/^d1\.10\./);
    expect(normalizeSecrets({ 9: A, 10: B }).current).toEqual({ id: "10", secret: B });
  });

  it("refuses missing, short or malformed secrets at start-up", () => {
    const bad: unknown[] = [undefined, "", "short", "x".repeat(31), {}, { a: A }, { "-1": A }, { 1.5: A }, { 1: 12345678901234567890123456789012345 }, { 1: A, 2: "short" }, 42];
    for (const secret of bad) expect(() => normalizeSecrets(secret as never), JSON.stringify(secret)).toThrow(DanceConfigError);
    expect(() => normalizeSecrets("x".repeat(32))).not.toThrow();
  });

  it("hands out values nobody can change: neither the caller after sealing nor a reader", async () => {
    const sealer = new Sealer(normalizeSecrets(A));
    const value = { nested: { a: 1 } };
    const sealed = await sealer.seal("p", value, 60);
    value.nested.a = 2;
    const first = await sealer.open<{ nested: { a: number } }>("p", sealed);
    if (!first.ok) throw new Error("should open");
    expect(first.value.nested.a).toBe(1);
    expect(() => {
      first.value.nested.a = 3;
    }).toThrow(TypeError);
    const second = await sealer.open<{ nested: { a: number } }>("p", sealed);
    expect(second.ok && second.value.nested.a).toBe(1);
  });

  it("seals at rest (SealBox): no expiry, purpose-bound, apart from cookie seals, readable under rotation, with createSealBox for migrations", async () => {
    const old = createSealBox({ 1: A });
    const rotated = createSealBox({ 2: B, 1: A });
    const row = await old.seal("token:github", { access_token: "at-1" });
    expect(await old.open("token:github", row)).toEqual({ value: { access_token: "at-1" }, stale: false });
    expect(await rotated.open("token:github", row)).toEqual({ value: { access_token: "at-1" }, stale: true });
    expect(await rotated.open("token:google", row)).toBeNull();
    expect(await createSealBox({ 2: B }).open("token:github", row)).toBeNull();
    expect(await rotated.open("token:github", `${row.slice(0, -3)}abc`)).toBeNull();
    // A cookie seal (with a lifetime) never opens as a row, and a row never opens as a cookie.
    const cookie = await uncached(A).seal("token:github", { access_token: "at-1" }, 60);
    expect(await old.open("token:github", cookie)).toBeNull();
    expect((await uncached(A).open("token:github", row)).ok).toBe(false);
    // Re-sealed under the newest secret, it opens fresh.
    expect(await rotated.open("token:github", await rotated.seal("token:github", { access_token: "at-1" }))).toMatchObject({ stale: false });
  });

  describe("on Node: node:crypto's synchronous cipher, the same format as WebCrypto", () => {
    afterEach(() => vi.restoreAllMocks());
    const values = ["", "é ✓ 𝄞", { access_token: "t".repeat(40), scope: "repo,gist", refresh_token: "r".repeat(80) }, "x".repeat(12_000), [1, null, true]];

    it("is used on Node, and each reads the other's seals for any value and purpose", async () => {
      const decipher = vi.spyOn(nodeCrypto, "createDecipheriv");
      const cipher = vi.spyOn(nodeCrypto, "createCipheriv");
      const fast = uncached({ 1: A, 2: B });
      const web = new Sealer(normalizeSecrets({ 1: A, 2: B }), { cacheSize: 0, webCryptoOnly: true });
      for (const value of values) {
        for (const purpose of ["token:github", "tx:google", "rest:token:x"]) {
          const byFast = await fast.seal(purpose, value, 60);
          const byWeb = await web.seal(purpose, value, 60);
          expect(await web.open(purpose, byFast)).toMatchObject({ ok: true, value, stale: false });
          expect(await fast.open(purpose, byWeb)).toMatchObject({ ok: true, value, stale: false });
          expect(await fast.open(`${purpose}!`, byWeb)).toEqual(invalid);
          expect(await web.open(`${purpose}!`, byFast)).toEqual(invalid);
        }
      }
      // An older secret's seal from either side opens, stale, on the other.
      const old = await uncached({ 1: A }, undefined).seal("p", 1, 60);
      expect(await web.open("p", old)).toMatchObject({ ok: true, stale: true });
      expect(cipher).toHaveBeenCalled();
      expect(decipher).toHaveBeenCalled();
    });

    it("rejects every single-bit change of a seal, like WebCrypto", async () => {
      const fast = uncached(A);
      const web = new Sealer(normalizeSecrets(A), { cacheSize: 0, webCryptoOnly: true });
      const sealed = await web.seal("p", { s: "secret" }, 60);
      const payload = sealed.slice(5);
      // Decode, flip each bit of the raw bytes in turn, re-encode: not one opens on either side.
      const raw = Buffer.from(payload, "base64url");
      for (let bit = 0; bit < raw.length * 8; bit++) {
        const changed = Buffer.from(raw);
        changed[bit >> 3]! ^= 1 << (bit & 7);
        const forged = `d1.1.${changed.toString("base64url")}`;
        expect(await fast.open("p", forged)).toEqual(invalid);
        expect(await web.open("p", forged)).toEqual(invalid);
      }
      // A truncated tag, an empty ciphertext, a payload that only decodes loosely (dangling bits).
      for (const forged of [sealed.slice(0, -3), `d1.1.${raw.subarray(0, 12 + 15).toString("base64url")}`, `d1.1.${raw.subarray(0, 12 + 16).toString("base64url")}`, `${sealed.slice(0, -1)}${sealed.endsWith("A") ? "B" : "A"}`]) {
        expect(await fast.open("p", forged)).toEqual(invalid);
      }
    });

    it("falls back to WebCrypto when node:crypto is not there or disagrees", async () => {
      const sealed = await uncached(A).seal("p", { v: 1 }, 60);
      // No process (as on Workers): WebCrypto alone.
      vi.stubGlobal("process", undefined);
      try {
        const bare = uncached(A);
        expect(await bare.open("p", sealed)).toMatchObject({ ok: true, value: { v: 1 } });
      } finally {
        vi.unstubAllGlobals();
      }
      // A node:crypto whose cipher answers wrongly fails its self-test and is never used.
      vi.spyOn(nodeCrypto, "createCipheriv").mockImplementation(() => {
        throw new Error("broken");
      });
      const decipher = vi.spyOn(nodeCrypto, "createDecipheriv");
      const guarded = uncached(A);
      expect(await guarded.open("p", sealed)).toMatchObject({ ok: true, value: { v: 1 } });
      expect(await uncached(A).open("p", await guarded.seal("p", 2, 60))).toMatchObject({ ok: true, value: 2 });
      expect(decipher).not.toHaveBeenCalled();
    });
  });
});
