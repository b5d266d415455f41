/**
 * Where the seal cache cannot help (issue 13), each against a reference measured in the same run:
 *
 * 1. Cold cookie: app CPU per `dance.session(request).authorized` for a token cookie this
 *    process has never seen, vs a bare iron-webcrypto unseal with a password string (the naive
 *    floor). Target ≤ 0.35×.
 * 2. Whole dance: app CPU for login → callback (token exchange) → first API call, vs a
 *    hand-wired oauth4webapi + iron-webcrypto implementation of the same dance, both against the
 *    same in-process provider. Target ≤ 0.7×.
 * 3. Cookie size: the token cookie (name=value) of a GitHub-shaped token. Target ≤ 500 bytes.
 * 4. Worker bundle: esbuild (bundle, minify, esm, workerd conditions) + gzip -9 of a Worker
 *    (`withDance` of @dance/cloudflare) with core + the github preset (target ≤ 16 kB) and with
 *    core + google (OpenID).
 *
 * Timing: CPU (user + system) of blocks of iterations, Dance and its reference in alternating
 * rounds, the median round of each (see `compare`).
 *
 * Run: `npm run bench` (or `tsx --conditions=source bench/perf.ts`). Knob: BENCH_PERF_N
 * (iterations per case, default 1400, at most 7000).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { defaults as ironDefaults, seal as ironSeal, unseal as ironUnseal } from "iron-webcrypto";
import * as oauth from "oauth4webapi";
import { createDance } from "@dance/core";
import { github } from "@dance/providers/github";

const N = Math.min(Number(process.env.BENCH_PERF_N) || 1400, 7000);
const secret = "bench-secret-bench-secret-bench-secret-0123456789";
const APP = "http://127.0.0.1:3000";
const CLIENT = { id: "Iv1.0123456789abcdef", secret: "0123456789abcdef0123456789abcdef01234567" };

/** A GitHub App user token, the shape GitHub answers (40-character access token, expiring, with a refresh token). */
const githubToken = (i: number) => ({
  access_token: `ghu_${String(i).padStart(36, "0")}`,
  token_type: "bearer",
  scope: "",
  expires_in: 28_800,
  refresh_token: `ghr_${String(i).padStart(76, "1")}`,
  refresh_token_expires_in: 15_724_800,
});

/** The provider, in process: GitHub's token endpoint and /user, for Dance and the floor alike. */
let issued = 0;
const provider: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.url === "https://github.com/login/oauth/access_token") {
    await request.text();
    return Response.json(githubToken(++issued));
  }
  return Response.json({ login: "octocat", id: 1 });
};

const ROUNDS = 7;

/**
 * App CPU per iteration of `dance` and of `floor`, compared fairly on a noisy machine: after a
 * warm-up of each, ROUNDS rounds alternate between the two (so drift, GC and other load hit
 * both alike), each round timing a block of iterations with process.cpuUsage() (user + system,
 * the WebCrypto thread pool included); each side's figure is the median of its rounds.
 * `next*()` gives one iteration's work (prepared outside the timed block where it needs input).
 */
async function compare(nextDance: () => () => Promise<unknown>, nextFloor: () => () => Promise<unknown>): Promise<{ dance: number; floor: number }> {
  const perRound = Math.max(10, Math.floor(N / ROUNDS));
  const block = async (next: () => () => Promise<unknown>): Promise<number> => {
    const runs = Array.from({ length: perRound }, next);
    const before = process.cpuUsage();
    for (const run of runs) await run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / perRound;
  };
  for (let i = 0; i < 30; i++) {
    await nextDance()();
    await nextFloor()();
  }
  const dance: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      dance.push(await block(nextDance));
      floor.push(await block(nextFloor));
    } else {
      floor.push(await block(nextFloor));
      dance.push(await block(nextDance));
    }
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;
  return { dance: median(dance), floor: median(floor) };
}

// --- 1. cold cookie -------------------------------------------------------------------------

/** Token cookies sealed by another instance (same secret): the measured instance has never seen them. */
async function coldCookies(count: number): Promise<string[]> {
  const sealer = createDance({ secret, providers: [github({ clientId: CLIENT.id, clientSecret: CLIENT.secret })], warn: () => {} });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const request = new Request(`${APP}/`);
    await (await sealer.session(request, "github")).setToken(githubToken(100_000 + i));
    out.push(sealer.commit(request, new Response()).headers.getSetCookie()[0]!.split(";")[0]!);
  }
  return out;
}

async function coldCookie(): Promise<{ dance: number; floor: number }> {
  // Every iteration opens a cookie this process has not opened before (the seal cache cannot help).
  const count = Math.max(10, Math.floor(N / ROUNDS)) * ROUNDS + 30;
  const cookies = await coldCookies(count);
  const ironSeals = await Promise.all(
    Array.from({ length: count }, (_, i) => ironSeal(githubToken(200_000 + i), { id: "1", secret }, { ...ironDefaults, ttl: 30 * 24 * 3600 * 1000 })),
  );
  const dance = createDance({ secret, providers: [github({ clientId: CLIENT.id, clientSecret: CLIENT.secret })], warn: () => {} });
  let k = 0;
  let j = 0;
  return compare(
    () => {
      const cookie = cookies[k++]!;
      return async () => {
        if (!(await dance.session(new Request(`${APP}/`, { headers: { cookie } }), "github")).authorized) throw new Error("not authorized");
      };
    },
    () => {
      const sealed = ironSeals[j++]!;
      return () => ironUnseal(sealed, { "1": secret }, ironDefaults);
    },
  );
}

// --- 2. whole dance -------------------------------------------------------------------------

async function danceOnce(dance: ReturnType<typeof createDance>): Promise<void> {
  const login = await dance.handler(new Request(`${APP}/login/github`));
  const tx = login.headers.getSetCookie()[0]!.split(";")[0]!;
  const state = new URL(login.headers.get("location")!).searchParams.get("state")!;
  const callback = await dance.handler(new Request(`${APP}/login/github/authorized?code=c0de&state=${state}`, { headers: { cookie: tx } }));
  const token = callback.headers.getSetCookie().find((c) => c.startsWith("dance-github="))!.split(";")[0]!;
  const user = await (await dance.session(new Request(`${APP}/`, { headers: { cookie: token } }), "github")).fetch("/user");
  await user.json();
}

/** The same dance, hand-wired: oauth4webapi for the protocol, iron-webcrypto for the cookies, nothing else. */
const as: oauth.AuthorizationServer = { issuer: "https://github.com", authorization_endpoint: "https://github.com/login/oauth/authorize", token_endpoint: "https://github.com/login/oauth/access_token" };
const client: oauth.Client = { client_id: CLIENT.id };
const password = { id: "1", secret };
async function floorOnce(): Promise<void> {
  // login
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set("client_id", CLIENT.id);
  url.searchParams.set("redirect_uri", `${APP}/callback`);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  const txCookie = await ironSeal({ state, verifier }, password, { ...ironDefaults, ttl: 600_000 });
  // callback
  const tx = (await ironUnseal(txCookie, { "1": secret }, ironDefaults)) as { state: string; verifier: string };
  const params = oauth.validateAuthResponse({ ...as, authorization_response_iss_parameter_supported: false }, client, new URL(`${APP}/callback?code=c0de&state=${state}`), tx.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(CLIENT.secret), params, `${APP}/callback`, tx.verifier, { [oauth.customFetch]: provider });
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  const tokenCookie = await ironSeal(result, password, { ...ironDefaults, ttl: 30 * 24 * 3600 * 1000 });
  // first API call
  const token = (await ironUnseal(tokenCookie, { "1": secret }, ironDefaults)) as { access_token: string };
  const user = await provider("https://api.github.com/user", { headers: { authorization: `Bearer ${token.access_token}` } });
  await user.json();
}

async function wholeDance(): Promise<{ dance: number; floor: number }> {
  const dance = createDance({ secret, providers: [github({ clientId: CLIENT.id, clientSecret: CLIENT.secret })], fetch: provider, warn: () => {} });
  return compare(
    () => () => danceOnce(dance),
    () => floorOnce,
  );
}

// --- 3. cookie size ---------------------------------------------------------------------------

async function cookieSize(): Promise<{ dance: number; floor: number }> {
  const [cookie] = await coldCookies(1);
  const floor = await ironSeal(githubToken(1), password, { ...ironDefaults, ttl: 30 * 24 * 3600 * 1000 });
  return { dance: cookie!.length, floor: `dance-github=${floor}`.length };
}

// --- 4. bundle size ---------------------------------------------------------------------------

async function bundleSize(preset: "github" | "google"): Promise<{ minified: number; gzip: number; inputs: [string, number][] }> {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const dir = mkdtempSync(`${tmpdir()}/dance-bundle-`);
  const entry = `${root}bench/.bundle-entry-${preset}.ts`;
  writeFileSync(
    entry,
    `import { createDance } from "@dance/core";
import { withDance } from "@dance/cloudflare";
import { ${preset} } from "@dance/providers/${preset}";
const dance = createDance((env: Record<string, string>) => ({ secret: env.DANCE_SECRET!, providers: [${preset}({ clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET })] }));
export default withDance(dance, (request) => new Response(new URL(request.url).pathname));
`,
  );
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      conditions: ["source", "workerd", "worker", "browser"],
      mainFields: ["browser", "module", "main"],
      write: false,
      metafile: true,
      logLevel: "error",
    });
    const code = result.outputFiles[0]!.contents;
    const inputs = new Map<string, number>();
    for (const [file, info] of Object.entries(Object.values(result.metafile!.outputs)[0]!.inputs)) {
      const key = file.includes("node_modules/") ? file.split("node_modules/")[1]!.split("/")[0]! : file.replace(/^.*?packages\//, "").replace(/\/src\/.*/, "");
      inputs.set(key, (inputs.get(key) ?? 0) + info.bytesInOutput);
    }
    return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs: [...inputs].sort((a, b) => b[1] - a[1]) };
  } finally {
    rmSync(entry, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- report ------------------------------------------------------------------------------------

const started = performance.now();
const cold = await coldCookie();
const whole = await wholeDance();
const size = await cookieSize();
const githubBundle = await bundleSize("github");
const googleBundle = await bundleSize("google");
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`
Where the cache cannot help (app CPU, in process; median of ${ROUNDS} alternating rounds, ${Math.max(10, Math.floor(N / ROUNDS))} iterations each, after warm-up):
  cold cookie: dance.session().authorized   ${cold.dance.toFixed(0).padStart(6)} µs   bare iron unseal (password) ${cold.floor.toFixed(0).padStart(6)} µs   ratio ${(cold.dance / cold.floor).toFixed(2)}× (target ≤ 0.35×: ${verdict(cold.dance / cold.floor <= 0.35)})
  whole dance: login → callback → API call  ${whole.dance.toFixed(0).padStart(6)} µs   hand-wired oauth4webapi+iron ${whole.floor.toFixed(0).padStart(6)} µs   ratio ${(whole.dance / whole.floor).toFixed(2)}× (target ≤ 0.7×: ${verdict(whole.dance / whole.floor <= 0.7)})
  token cookie (GitHub-shaped), name=value  ${String(size.dance).padStart(6)} B    iron seal of the same token ${String(size.floor).padStart(6)} B    (target ≤ 500 B: ${verdict(size.dance <= 500)})
  Worker bundle, core + github + Workers entry (gzip -9) ${kb(githubBundle.gzip).padStart(9)} (${kb(githubBundle.minified)} minified; target ≤ 16 kB: ${verdict(githubBundle.gzip <= 16 * 1024)})
      ${githubBundle.inputs.slice(0, 6).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ")}
  Worker bundle, core + google (OpenID) + Workers entry  ${kb(googleBundle.gzip).padStart(9)} (${kb(googleBundle.minified)} minified)
      ${googleBundle.inputs.slice(0, 6).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ")}
  total ${((performance.now() - started) / 1000).toFixed(1)} s`);

