/**
 * OAuth 1.0a beyond Node: the signing layer (RFC 5849 vectors) and whole dances with HMAC-SHA1
 * and RSA-SHA1 against the oauthlib test provider, inside workerd without `nodejs_compat`
 * (Miniflare 3, the app bundled by esbuild as a Workers build does) and under Deno (`Deno.serve`,
 * the `deno` npm package). The app is test/runtimes/oauth1-app.ts; this file is the browser.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowser, startOAuth1Provider, type RunningOAuth1Provider } from "@dance/testing";
import { bundleWorker, COMPATIBILITY_DATE } from "../../../test/conformance/workerd.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA_PEM = pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const HMAC = { key: "runtime-hmac", secret: "runtime-hmac-secret-0123456789" };
const RSA_KEY = "runtime-rsa";
const SECRET = "runtime-secret-0123456789-abcdefghijklmnop";

let provider: RunningOAuth1Provider;
let keyDir: string;
let keyFile: string;
beforeAll(async () => {
  provider = await startOAuth1Provider({
    clients: [
      { key: HMAC.key, secret: HMAC.secret },
      { key: RSA_KEY, rsaPublicKey: pair.publicKey.export({ type: "spki", format: "pem" }) as string },
    ],
  });
  keyDir = await mkdtemp(join(tmpdir(), "dance-oauth1-runtime-"));
  keyFile = join(keyDir, "rsa.pem");
  await writeFile(keyFile, RSA_PEM);
});
afterAll(async () => {
  await provider?.close();
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
});

const env = () => ({ SECRET, PROVIDER: provider.url, HMAC_KEY: HMAC.key, HMAC_SECRET: HMAC.secret, RSA_KEY });

/** What the provider's /api/ routes answer for a request oauthlib verified. */
interface Verified {
  method: string;
  query: [string, string][];
  form: [string, string][] | null;
  body: string;
  client: string;
  token: string;
  signature_method: string;
}
interface Calls {
  token: Record<string, string>;
  get: { status: number; body: Verified };
  form: { status: number; body: Verified };
  json: { status: number; body: Verified };
}

/** The whole dance through the app at `app`, then its signed calls. */
async function danceAt(app: string, id: "printer" | "printer-rsa"): Promise<Calls> {
  const browser = createBrowser();
  const login = await browser.get(`${app}/login/${id}`);
  expect(login.status, await login.clone().text()).toBe(302);
  const authorize = browser.locationOf(login)!;
  expect(authorize.origin + authorize.pathname).toBe(provider.authorizeUrl);
  const back = await browser.get(authorize);
  expect(back.status, await back.clone().text()).toBe(302);
  const callback = browser.locationOf(back)!;
  expect(callback.href.startsWith(`${app}/login/${id}/authorized?`)).toBe(true);
  const done = await browser.get(callback);
  expect(done.status, await done.clone().text()).toBe(302);
  expect(done.headers.get("location")).toBe("/");
  const calls = await browser.get(`${app}/calls/${id}`);
  expect(calls.status, await calls.clone().text()).toBe(200);
  return (await calls.json()) as Calls;
}

function expectSignedCalls(calls: Calls, method: "HMAC-SHA1" | "RSA-SHA1"): void {
  const client = method === "HMAC-SHA1" ? HMAC.key : RSA_KEY;
  expect(calls.token).toMatchObject({ access_token: calls.token.oauth_token, token_type: "oauth1", oauth_token_secret: expect.any(String) });
  for (const call of [calls.get, calls.form, calls.json]) {
    expect(call.status, JSON.stringify(call.body)).toBe(200);
    expect(call.body).toMatchObject({ client, token: calls.token.oauth_token, signature_method: method });
  }
  expect(calls.get.body.query).toEqual([["a", "1"], ["a", "2"], ["b", "x y"]]);
  expect(calls.form.body).toMatchObject({ method: "POST", query: [["a", "query"]], form: [["a", "body"], ["c", "d e"]] });
  expect(calls.json.body).toMatchObject({ method: "POST", form: null, body: '{"x":1}' });
}

/** RFC 5849's own numbers, as the app computed them in the runtime. */
const VECTORS = {
  photos:
    'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", ' +
    'oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
  baseString:
    "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2" +
    "%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
  // RFC errata 2550: the RFC prints another value; this is HMAC-SHA1 of its base string (see oauth1-signature.test.ts).
  signature: "r6/TJjbCOr97/+UU0NsvSne7s5g=",
};

describe("workerd (Miniflare 3, no nodejs_compat)", () => {
  let mf: Miniflare;
  let app: string;
  beforeAll(async () => {
    const script = await bundleWorker(join(ROOT, "packages/core/test/runtimes/oauth1-worker.ts"));
    // Nothing in the bundle asks for Node: not a static node: import, and no require().
    expect(script).not.toMatch(/from\s*["']node:|require\(["']/);
    mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: COMPATIBILITY_DATE,
      cf: false,
      host: "127.0.0.1",
      port: 0,
      bindings: { ...env(), RSA_PEM },
    });
    app = (await mf.ready).origin;
  }, 60_000);
  afterAll(async () => {
    await mf?.dispose();
  });

  it("has no Node globals, and the signing layer reproduces RFC 5849 §1.2 and §3.4.1.1", async () => {
    const res = await fetch(`${app}/runtime`);
    expect(await res.json()).toEqual({ process: "undefined", buffer: "undefined", vectors: VECTORS });
  });

  it("dances with HMAC-SHA1 and signs a query, a form and JSON, accepted by oauthlib", async () => {
    expectSignedCalls(await danceAt(app, "printer"), "HMAC-SHA1");
  });

  it("dances with RSA-SHA1 (the PEM from a binding, imported by WebCrypto)", async () => {
    expectSignedCalls(await danceAt(app, "printer-rsa"), "RSA-SHA1");
  });

  it("an RSA key given as a file path is a clear invalid_config: no file system here", async () => {
    const res = await fetch(`${app}/keyfile?path=/etc/jira.pem`);
    const body = (await res.json()) as { ok: boolean; code: string; message: string };
    expect(body).toMatchObject({ ok: false, code: "invalid_config" });
    expect(body.message).toMatch(/neither PEM text nor a key file that can be read \(this runtime has no file system \(node:fs\): give the PEM text/);
  });
});

describe("Deno (the deno npm package, Deno.serve)", () => {
  let child: ChildProcess;
  let app: string;
  beforeAll(async () => {
    child = spawn(
      join(ROOT, "node_modules/.bin/deno"),
      ["run", "--quiet", "--conditions=source", "--unstable-sloppy-imports", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", "packages/core/test/runtimes/oauth1-deno.ts"],
      {
        cwd: ROOT,
        env: { ...env(), RSA_PEM_FILE: keyFile, PATH: process.env.PATH, HOME: process.env.HOME, DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1", DENO_DIR: join(ROOT, "node_modules/.cache/deno") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    app = await new Promise<string>((resolve, reject) => {
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        const match = /LISTENING (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.once("exit", (code) => reject(new Error(`deno exited with ${code} before listening: ${output}`)));
    });
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("the signing layer reproduces RFC 5849 §1.2 and §3.4.1.1", async () => {
    const res = await fetch(`${app}/runtime`);
    expect(((await res.json()) as { vectors: unknown }).vectors).toEqual(VECTORS);
  });

  it("dances with HMAC-SHA1 and signs a query, a form and JSON, accepted by oauthlib", async () => {
    expectSignedCalls(await danceAt(app, "printer"), "HMAC-SHA1");
  });

  it("dances with RSA-SHA1, the key read from a file path (Deno has node:fs)", async () => {
    expectSignedCalls(await danceAt(app, "printer-rsa"), "RSA-SHA1");
    expect(await (await fetch(`${app}/keyfile?path=${encodeURIComponent(keyFile)}`)).json()).toEqual({ ok: true });
    const missing = (await (await fetch(`${app}/keyfile?path=${encodeURIComponent(join(keyDir, "missing.pem"))}`)).json()) as { message: string };
    expect(missing.message).toMatch(/neither PEM text nor a key file that can be read \(ENOENT\)/);
  });
});
