/**
 * Jira's RSA key (Flask-Dance's `rsa_key`): PEM text, a PEM squeezed into one env line, or a
 * file path read through the preset's `rsaKeyFile` hook where `node:fs` exists.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDance, DanceConfigError } from "@dance/core";
import { jira } from "../../src/jira.js";

const secret = "contract-test-secret-0123456789abcdef";
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA_PEM = rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
const TEMPORARY = "oauth_token=request-token&oauth_token_secret=request-secret&oauth_callback_confirmed=true";

/** The protocol parameters of an `Authorization: OAuth …` header, decoded. */
function oauthParams(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of (header ?? "").matchAll(/([a-z_]+)="([^"]*)"/g)) out[name!] = decodeURIComponent(value!);
  return out;
}

describe("jira's RSA key", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const keyFile = async (text: string) => {
    const dir = await mkdtemp(join(tmpdir(), "dance-jira-"));
    dirs.push(dir);
    const path = join(dir, "jira.pem");
    await writeFile(path, text);
    return path;
  };
  const loginWith = async (options: Record<string, unknown>, env: Record<string, string> = {}) => {
    const requests: Request[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      requests.push(new Request(input, init));
      return new Response(TEMPORARY, { headers: { "content-type": "application/x-www-form-urlencoded" } });
    };
    const dance = createDance({ secret, providers: [jira({ baseUrl: "https://jira.example.com", consumerKey: "ck", ...options })], env, fetch: fetchImpl });
    await dance.ready();
    await dance.beginLogin(new Request("https://app.test/"), "jira");
    return oauthParams(requests[0]!.headers.get("authorization"));
  };

  it("on Node, a file path (option or JIRA_OAUTH_RSA_KEY) is read, as Flask-Dance does", async () => {
    const path = await keyFile(RSA_PEM);
    expect((await loginWith({ rsaKey: path })).oauth_signature_method).toBe("RSA-SHA1");
    expect((await loginWith({}, { JIRA_OAUTH_RSA_KEY: path })).oauth_signature_method).toBe("RSA-SHA1");
  });

  it("a PEM squeezed into one env line with \\n escapes is accepted", async () => {
    expect((await loginWith({}, { JIRA_OAUTH_RSA_KEY: RSA_PEM.trim().replace(/\n/g, "\\n") })).oauth_signature_method).toBe("RSA-SHA1");
  });

  it("a path that cannot be read is a DanceConfigError at ready(), naming the kind of failure, not the value", async () => {
    const missing = join(tmpdir(), "dance-no-such-dir", "jira.pem");
    const error = await loginWith({ rsaKey: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DanceConfigError);
    expect((error as Error).message).toMatch(/rsaKey. is neither PEM text nor a key file that can be read \(ENOENT\)/);
    expect((error as Error).message).not.toContain(missing);
    const notPem = await keyFile("this is not a key");
    await expect(loginWith({ rsaKey: notPem })).rejects.toThrow(/holds no PEM text/);
  });

  it("a PEM that is not a usable RSA private key fails at createDance(), never echoing it", () => {
    const publicPem = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    expect(() => createDance({ secret, providers: [jira({ baseUrl: "https://jira.example.com", consumerKey: "ck", rsaKey: publicPem })], env: {} })).toThrow(
      /provider "jira": `rsaKey`: a "PUBLIC KEY" is not an RSA private key/,
    );
    expect(() => createDance({ secret, providers: [jira({ baseUrl: "https://jira.example.com", consumerKey: "ck" })], env: { JIRA_OAUTH_RSA_KEY: publicPem } })).toThrow(
      /JIRA_OAUTH_RSA_KEY: a "PUBLIC KEY" is not an RSA private key/,
    );
  });

  it("another id reads its own names: <ID>_OAUTH_CONSUMER_KEY / <ID>_OAUTH_RSA_KEY", () => {
    expect(() => createDance({ secret, providers: [jira({ id: "jira-dc", baseUrl: "https://jira.example.com" })], env: {} })).toThrow("JIRA_DC_OAUTH_CONSUMER_KEY");
    expect(() => createDance({ secret, providers: [jira({ id: "jira-dc", baseUrl: "https://jira.example.com" })], env: { JIRA_DC_OAUTH_CONSUMER_KEY: "ck" } })).toThrow("JIRA_DC_OAUTH_RSA_KEY");
  });
});
