/**
 * The hot path of an app behind Dance: "is this returning browser logged in?", i.e.
 * `(await dance.session(request, "github")).authorized` for a request carrying a sealed token
 * cookie, through the Node adapter — against a bare node:http handler (the floor) and against
 * a bare iron-webcrypto `unseal` per request of the same token sealed by iron (the naive floor, what Dance would cost without
 * its cache of verified seals).
 *
 * One run: an in-process micro-benchmark (no sockets), then four servers on 127.0.0.1 driven
 * by a load generator in a child process (keep-alive connections, fixed concurrency, warm-up,
 * then a bounded duration). Servers take turns in short rounds so that a burst of noise from
 * other processes hits all four alike. See bench/README.md for how to read the table.
 *
 * Run: `npm run bench` (tsx --conditions=source bench/hot-path.ts). Knobs (environment):
 * BENCH_CONCURRENCY (32), BENCH_ROUNDS (3), BENCH_ROUND_MS (1000, measured per server and
 * round), BENCH_WARMUP_MS (300, per server and round), BENCH_MICRO_MS (300 per op and round).
 */
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { createAdaptorServer } from "@hono/node-server";
import * as esbuild from "esbuild";
import { Hono } from "hono";
import { createDance, parseCookieHeader } from "@dance/core";
import { danceMiddleware } from "@dance/hono";
import { getSession, toNodeHandler, toRequest } from "@dance/node";
import { github } from "@dance/providers/github";
import { defaults as ironDefaults, seal as ironSeal, unseal } from "iron-webcrypto";

const CONCURRENCY = knob("BENCH_CONCURRENCY", 32, 256);
const ROUNDS = knob("BENCH_ROUNDS", 3, 5);
// Each server gets at most ~5 s of measured load in total.
const ROUND_MS = knob("BENCH_ROUND_MS", 1000, 5000 / ROUNDS);
const WARMUP_MS = knob("BENCH_WARMUP_MS", 300, 2000);
const MICRO_MS = knob("BENCH_MICRO_MS", 300, 2000);

function knob(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name]);
  return Math.min(Number.isFinite(value) && value > 0 ? value : fallback, max);
}

const secret = "bench-secret-bench-secret-bench-secret-0123456789";
const dance = createDance({
  secret,
  providers: [github({ clientId: "Iv1.0123456789abcdef", clientSecret: "0123456789abcdef0123456789abcdef01234567" })],
});
// What iron needs to open a seal that carries the secret id "1" (Dance's single-secret id).
const ironPassword = { "1": secret };

/** A GitHub App user token, the shape GitHub answers (expiring token + refresh token). */
const githubToken = {
  access_token: "ghu_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
  token_type: "bearer",
  scope: "",
  expires_in: 28_800,
  refresh_token: "ghr_" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8",
  refresh_token_expires_in: 15_724_800,
};

// --- the four servers -------------------------------------------------------------------

const bare = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/plain" }).end("yes");
});

const danceServer = http.createServer(
  toNodeHandler(dance, async (req, res) => {
    if (req.url === "/__set-token") {
      // How the benchmark gets a real cookie: the public API, captured from Set-Cookie.
      await (await getSession(dance, req, res, "github")).setToken(githubToken);
      res.writeHead(204).end();
      return;
    }
    const session = await getSession(dance, req, res, "github");
    res.writeHead(200, { "content-type": "text/plain" }).end(session.authorized ? "yes" : "no");
  }),
);

// The same question through Hono on @hono/node-server: the middleware, then c.var.dance (its own Dance, its own cache).
const honoDance = createDance({
  secret,
  providers: [github({ clientId: "Iv1.0123456789abcdef", clientSecret: "0123456789abcdef0123456789abcdef01234567" })],
});
const honoApp = new Hono().use(danceMiddleware(honoDance));
honoApp.get("/dashboard", async (c) => c.text((await c.var.dance.session("github")).authorized ? "yes" : "no"));
const honoServer = createAdaptorServer({ fetch: honoApp.fetch }) as http.Server;

/** The same token sealed by iron (the naive way), in its own cookie of every request. */
const ironCookieName = "iron-github";

/** Opens the iron cookie on every request: the naive floor, no cache. */
async function openBare(request: Request): Promise<boolean> {
  const sealed = parseCookieHeader(request.headers.get("cookie")).get(ironCookieName);
  if (!sealed) return false;
  try {
    const opened = (await unseal(sealed, ironPassword, ironDefaults)) as { p?: unknown; v?: { access_token?: unknown } };
    return opened.p === "token:github" && typeof opened.v?.access_token === "string";
  } catch {
    return false;
  }
}

const bareUnseal = http.createServer((req, res) => {
  openBare(toRequest(req)).then(
    (ok) => res.writeHead(200, { "content-type": "text/plain" }).end(ok ? "yes" : "no"),
    () => res.writeHead(500).end(),
  );
});

// --- the load generator: its own process (plain JS, no TypeScript loader), so the server's
// CPU time (process.cpuUsage, libuv thread pool included) is the server's alone ----------

const loadGenerator = `
const http = require("node:http");
const { performance } = require("node:perf_hooks");
const { port, cookie, concurrency, warmupMs, durationMs } = JSON.parse(process.env.BENCH_LOAD);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const headers = { cookie, accept: "text/html", "user-agent": "dance-bench" };
function once() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: "127.0.0.1", port, path: "/dashboard", agent, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200 && body === "yes" }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
async function phase(ms, latencies) {
  const until = performance.now() + ms;
  let count = 0, failed = 0;
  async function loop() {
    while (performance.now() < until) {
      const r = await once();
      count++;
      if (!r.ok) failed++;
      if (latencies) latencies.push(r.ms);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { count, failed, elapsedMs: performance.now() - started };
}
(async () => {
  await phase(warmupMs, null);
  process.send({ type: "measuring" });
  const latencies = [];
  const result = await phase(durationMs, latencies);
  agent.destroy();
  process.send({ type: "done", ...result, latencies }, () => process.disconnect());
})().catch((error) => process.send({ type: "error", error: String((error && error.stack) || error) }, () => process.exit(1)));
`;

type LoadMessage =
  | { type: "measuring" }
  | { type: "done"; count: number; failed: number; elapsedMs: number; latencies: number[] }
  | { type: "error"; error: string };

interface Tally {
  name: string;
  server: http.Server;
  port: number;
  count: number;
  failed: number;
  elapsedMs: number;
  latencies: number[];
  /** Server CPU (user + system, every thread of this process) while measured, µs. */
  cpuUs: number;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** One round of load on one server: a fresh child process, warm-up, then ROUND_MS measured. */
async function round(tally: Tally, cookie: string): Promise<void> {
  let cpuStart: NodeJS.CpuUsage | undefined;
  const done = await new Promise<Extract<LoadMessage, { type: "done" }>>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", loadGenerator], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, BENCH_LOAD: JSON.stringify({ port: tally.port, cookie, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: ROUND_MS }) },
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`load generator on ${tally.name} did not finish`));
    }, WARMUP_MS + ROUND_MS + 15_000);
    child.on("message", (message: LoadMessage) => {
      if (message.type === "measuring") cpuStart = process.cpuUsage();
      else if (message.type === "error") reject(new Error(`load generator failed on ${tally.name}: ${message.error}`));
      else resolve(message);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`load generator on ${tally.name} exited with ${code}`));
    });
  });
  const cpu = process.cpuUsage(cpuStart);
  tally.cpuUs += cpu.user + cpu.system;
  tally.count += done.count;
  tally.failed += done.failed;
  tally.elapsedMs += done.elapsedMs;
  for (const ms of done.latencies) tally.latencies.push(ms);
}

function summary(t: Tally) {
  const sorted = Float64Array.from(t.latencies).sort();
  let sum = 0;
  for (const ms of sorted) sum += ms;
  return {
    rps: (t.count / t.elapsedMs) * 1000,
    meanMs: sum / sorted.length,
    p99Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN,
    cpuPerRequestUs: t.cpuUs / t.count,
  };
}

// --- micro-benchmark: no sockets -------------------------------------------------------

interface Micro {
  name: string;
  op: () => Promise<unknown>;
  count: number;
  ms: number;
}

async function microRound(m: Micro): Promise<void> {
  const started = performance.now();
  const until = started + MICRO_MS;
  let count = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 20; i++) await m.op();
    count += 20;
  }
  m.ms += performance.now() - started;
  m.count += count;
}

// --- the Worker bundle size -----------------------------------------------------------------

/** bench/worker.ts bundled as a Workers build does it (esbuild, ESM, workerd conditions), minified; its gzip -9 size. */
async function workerBundle(): Promise<{ minified: number; gzip: number }> {
  const out = await esbuild.build({
    entryPoints: [new URL("./worker.ts", import.meta.url).pathname],
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["source", "workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
  });
  const code = out.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

// --- run ---------------------------------------------------------------------------------

async function captureCookie(): Promise<string> {
  const port = await listen(danceServer);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/__set-token`);
    const cookies = response.headers.getSetCookie();
    if (response.status !== 204 || cookies.length !== 1) throw new Error(`expected one token cookie, got ${response.status} ${cookies.length}`);
    return cookies[0]!.split(";")[0]!;
  } finally {
    await close(danceServer);
  }
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return "  " + cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join("");
}

async function main(): Promise<void> {
  const started = performance.now();
  const sealed = await ironSeal({ p: "token:github", v: githubToken }, { id: "1", secret }, { ...ironDefaults, ttl: 30 * 24 * 3600 * 1000 });
  const cookie = `${await captureCookie()}; ${ironCookieName}=${sealed}`;
  const url = "http://127.0.0.1:3000/dashboard";
  const headers = { cookie, accept: "text/html", "user-agent": "dance-bench" };

  // Sanity: both paths see the same logged-in user.
  if (!(await dance.session(new Request(url, { headers }), "github")).authorized) throw new Error("dance does not see the token");
  if (!(await openBare(new Request(url, { headers })))) throw new Error("bare unseal cannot open the cookie");

  const micro: Micro[] = [
    { name: "new Request only (the floor)", op: async () => new Request(url, { headers }), count: 0, ms: 0 },
    { name: "dance.session(new Request).authorized", op: async () => (await dance.session(new Request(url, { headers }), "github")).authorized, count: 0, ms: 0 },
    { name: "iron unseal (no cache)", op: () => unseal(sealed, ironPassword, ironDefaults), count: 0, ms: 0 },
  ];
  for (const m of micro) for (let i = 0; i < 100; i++) await m.op(); // warm-up: JIT, key import paths
  for (let r = 0; r < ROUNDS; r++) for (const m of micro) await microRound(m);

  const tallies: Tally[] = [];
  for (const [name, server] of [["bare node:http handler", bare], ["dance hot path", danceServer], ["bare iron unseal", bareUnseal], ["dance via hono", honoServer]] as const) {
    tallies.push({ name, server, port: await listen(server), count: 0, failed: 0, elapsedMs: 0, latencies: [], cpuUs: 0 });
  }
  try {
    for (let r = 0; r < ROUNDS; r++) for (const tally of tallies) await round(tally, cookie);
  } finally {
    await Promise.all(tallies.map((t) => close(t.server)));
  }

  const out: string[] = [];
  out.push(`Dance hot path: node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}, token cookie ${cookie.length} bytes`);
  out.push("");
  out.push(`In-process, no sockets (${ROUNDS} rounds × ${MICRO_MS} ms each):`);
  const microWidths = [40, 10, 9];
  out.push(row(["", "ops/s", "µs/op"], microWidths));
  for (const m of micro) out.push(row([m.name, ((m.count / m.ms) * 1000).toFixed(0), ((m.ms * 1000) / m.count).toFixed(1)], microWidths));
  const [, microDance, microUnseal] = micro as [Micro, Micro, Micro];
  out.push(`  dance vs bare unseal: ${((microDance.count / microDance.ms) / (microUnseal.count / microUnseal.ms)).toFixed(1)}× the calls per second`);
  out.push("");
  out.push(`Over HTTP (127.0.0.1, keep-alive, ${CONCURRENCY} concurrent; ${ROUNDS} rounds × (${WARMUP_MS} ms warm-up + ${ROUND_MS} ms) per server):`);
  const widths = [24, 10, 9, 9, 9, 12, 8];
  out.push(row(["server", "requests", "req/s", "mean ms", "p99 ms", "CPU µs/req", "failed"], widths));
  const s = tallies.map(summary);
  tallies.forEach((t, i) => {
    const x = s[i]!;
    out.push(row([t.name, t.count, x.rps.toFixed(0), x.meanMs.toFixed(2), x.p99Ms.toFixed(2), x.cpuPerRequestUs.toFixed(0), t.failed], widths));
  });
  const [floor, hot, cold, hono] = s as [ReturnType<typeof summary>, ReturnType<typeof summary>, ReturnType<typeof summary>, ReturnType<typeof summary>];
  const vsUnseal = hot.rps / cold.rps;
  out.push("");
  out.push(`  dance vs bare handler: ${(hot.rps / floor.rps).toFixed(2)}× the req/s; +${(hot.cpuPerRequestUs - floor.cpuPerRequestUs).toFixed(0)} µs of server CPU per request`);
  out.push(`  dance vs bare unseal:  ${vsUnseal.toFixed(2)}× the req/s; ${(cold.cpuPerRequestUs / hot.cpuPerRequestUs).toFixed(2)}× less server CPU per request`);
  out.push(`  target (dance ≥ 3× the bare-unseal req/s): ${vsUnseal >= 3 ? "met" : "NOT met"}`);
  out.push(`  dance via hono vs the node adapter: ${(hono.rps / hot.rps).toFixed(2)}× the req/s; ${(hono.cpuPerRequestUs - hot.cpuPerRequestUs).toFixed(0)} µs of server CPU per request more`);
  const bundle = await workerBundle();
  out.push("");
  out.push(`Worker bundle (core + github preset + @dance/cloudflare; esbuild --minify, workerd conditions): ${bundle.minified} B minified, ${bundle.gzip} B gzip -9`);
  out.push(`  total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(out.join("\n"));

  const failed = tallies.reduce((n, t) => n + t.failed, 0);
  if (failed > 0) {
    console.error(`${failed} requests failed (non-200 or not "yes")`);
    process.exitCode = 1;
  }
}

await main();
