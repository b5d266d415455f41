/**
 * The refresh path: what a request costs when its token has expired and `session.fetch()`
 * refreshes it first (refresh grant → validate → store → the API call), against the same
 * request with a fresh token, and per request when ten requests share one refresh. The
 * provider is an in-process `fetch` (no sockets), so the numbers are Dance's own CPU: request
 * building, token answer checks, sealing the new cookie.
 *
 * Run: `npm run bench` (after the hot path) or `tsx --conditions=source bench/refresh.ts`.
 * Knob: BENCH_REFRESH_N (default 300 refreshes per case, at most 2000).
 */
import { performance } from "node:perf_hooks";
import { createDance, MemoryStorage, type Token } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";

const N = Math.min(Number(process.env.BENCH_REFRESH_N) || 300, 2000);
const secret = "bench-secret-bench-secret-bench-secret-0123456789";
let issued = 0;

/** The provider, in process: a token endpoint that rotates refresh tokens, and an API. */
const provider: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.url === "https://auth.bench.test/token") {
    await request.text();
    issued++;
    return Response.json({ access_token: `at-${issued}-${"x".repeat(32)}`, token_type: "Bearer", expires_in: 3600, refresh_token: `rt-${issued}-${"y".repeat(40)}` });
  }
  return Response.json({ login: "octocat" });
};

function makeDance(storage?: MemoryStorage) {
  return createDance({
    secret,
    providers: [oauth2({ id: "bench", clientId: "bench-client", clientSecret: "bench-secret-0123456789", authorizationUrl: "https://auth.bench.test/authorize", tokenUrl: "https://auth.bench.test/token", apiBaseUrl: "https://api.bench.test/", refresh: true })],
    fetch: provider,
    ...(storage ? { storage } : {}),
    warn: () => {},
  });
}

const expired = (i: number): Token => ({ access_token: `old-${i}`, token_type: "bearer", refresh_token: `old-rt-${i}`, expires_at: Math.floor(Date.now() / 1000) - 10 });
const fresh = (i: number): Token => ({ access_token: `live-${i}`, token_type: "bearer", refresh_token: `live-rt-${i}`, expires_at: Math.floor(Date.now() / 1000) + 3600 });

/** A cookie carrying `token`, sealed by the Dance under test. */
async function cookieFor(dance: ReturnType<typeof makeDance>, token: Token): Promise<string> {
  const request = new Request("http://127.0.0.1:3000/");
  await (await dance.session(request, "bench")).setToken(token);
  return dance.commit(request, new Response()).headers.getSetCookie()[0]!.split(";")[0]!;
}

interface Case {
  name: string;
  /** Prepare one iteration (not measured); returns what `run` does. */
  prepare(i: number): Promise<() => Promise<unknown>>;
  /** Requests per iteration. */
  requests: number;
}

async function measure(c: Case): Promise<{ usPerIteration: number; usPerRequest: number }> {
  for (let i = 0; i < 20; i++) await (await c.prepare(-i - 1))(); // warm-up
  let cpu = 0;
  for (let i = 0; i < N; i++) {
    const run = await c.prepare(i);
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    cpu += used.user + used.system;
  }
  return { usPerIteration: cpu / N, usPerRequest: cpu / N / c.requests };
}

const cookieDance = makeDance();
const cases: Case[] = [
  {
    name: "fresh token: session + fetch (cookie)",
    requests: 1,
    async prepare(i) {
      const cookie = await cookieFor(cookieDance, fresh(i));
      return async () => (await cookieDance.session(new Request("http://127.0.0.1:3000/", { headers: { cookie } }), "bench")).fetch("/user");
    },
  },
  {
    name: "expired token: refresh + store + fetch (cookie)",
    requests: 1,
    async prepare(i) {
      const cookie = await cookieFor(cookieDance, expired(i));
      return async () => {
        const request = new Request("http://127.0.0.1:3000/", { headers: { cookie } });
        await (await cookieDance.session(request, "bench")).fetch("/user");
        if (cookieDance.commit(request, new Response()).headers.getSetCookie().length !== 1) throw new Error("the refreshed cookie is missing");
      };
    },
  },
  {
    name: "10 requests, one expired token (cookie)",
    requests: 10,
    async prepare(i) {
      const cookie = await cookieFor(cookieDance, expired(1_000_000 + i));
      return () =>
        Promise.all(
          Array.from({ length: 10 }, async () => {
            const request = new Request("http://127.0.0.1:3000/", { headers: { cookie } });
            await (await cookieDance.session(request, "bench")).fetch("/user");
            return cookieDance.commit(request, new Response());
          }),
        );
    },
  },
  {
    name: "expired token: refresh under the storage lock (memory)",
    requests: 1,
    async prepare(i) {
      const storage = new MemoryStorage();
      const dance = makeDance(storage);
      await (await dance.session(new Request("http://127.0.0.1:3000/"), "bench")).setToken(expired(2_000_000 + i));
      return async () => (await dance.session(new Request("http://127.0.0.1:3000/"), "bench")).fetch("/user");
    },
  },
];

const started = performance.now();
const before = issued;
const rows: string[] = [];
for (const c of cases) {
  const { usPerIteration, usPerRequest } = await measure(c);
  rows.push(`  ${c.name.padEnd(56)}${usPerIteration.toFixed(0).padStart(10)}${usPerRequest.toFixed(0).padStart(12)}`);
}
console.log(`\nThe refresh path (app CPU, in process; ${N} iterations per case after warm-up):`);
console.log(`  ${"".padEnd(56)}${"µs/iter".padStart(10)}${"µs/request".padStart(12)}`);
console.log(rows.join("\n"));
const refreshes = issued - before;
console.log(`  token requests: ${refreshes} for ${3 * (N + 20)} refreshing iterations (one per expired token, however many requests share it)`);
console.log(`  total ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (refreshes !== 3 * (N + 20)) {
  console.error("a refresh was repeated or skipped");
  process.exitCode = 1;
}
