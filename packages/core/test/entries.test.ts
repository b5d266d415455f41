/**
 * OpenID Connect (`@dance/core/oidc`) and OAuth 1.0a (`@dance/core/oauth1`) reach core only
 * through a definition's `support`: a hand-written definition without it fails at start-up
 * saying what to import, and a bundle of core + a plain OAuth 2 preset carries neither jose nor
 * the OAuth 1.0a code (what keeps Worker bundles small; the sizes are in `npm run bench`).
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, type OAuth1ProviderDefinition, type OAuth2ProviderDefinition } from "@dance/core";
import { oauth1Protocol } from "@dance/core/oauth1";
import { openidConnect } from "@dance/core/oidc";
import { SECRET } from "./helpers.js";

const company: OAuth2ProviderDefinition = {
  protocol: "oidc",
  id: "company",
  issuer: "https://login.company.test",
  scope: ["openid"],
  clientId: "id",
  clientSecret: "secret",
};
const printer = {
  protocol: "oauth1",
  id: "printer",
  requestTokenUrl: "https://photos.example.net/initiate",
  authorizationUrl: "https://photos.example.net/authorize",
  accessTokenUrl: "https://photos.example.net/token",
  clientKey: "key",
  clientSecret: "secret",
} as const;

function configError(providers: unknown[]): DanceConfigError {
  try {
    createDance({ secret: SECRET, providers: providers as OAuth2ProviderDefinition[] });
  } catch (error) {
    expect(error).toBeInstanceOf(DanceConfigError);
    return error as DanceConfigError;
  }
  throw new Error("createDance() accepted the configuration");
}

describe("protocol support carried by definitions", () => {
  it("refuses an OpenID definition without `support`, naming the import", () => {
    const error = configError([company]);
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain('provider "company"');
    expect(error.message).toContain('import { openidConnect } from "@dance/core/oidc"');
  });

  it("refuses an OAuth 1.0a definition without `support`, naming the import", () => {
    const error = configError([printer]);
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain('import { oauth1Protocol } from "@dance/core/oauth1"');
  });

  it("refuses the wrong module or a look-alike as `support`", () => {
    expect(configError([{ ...company, support: oauth1Protocol }]).message).toContain("not that module");
    expect(configError([{ ...printer, support: openidConnect }]).message).toContain("not that module");
    expect(configError([{ ...company, support: { kind: "openid" } }]).message).toContain("not that module");
  });

  it("accepts hand-written definitions that carry their support", async () => {
    const oauth1: OAuth1ProviderDefinition = { ...printer, support: oauth1Protocol };
    const dance = createDance({ secret: SECRET, providers: [{ ...company, support: openidConnect }, oauth1] });
    expect(dance.providers).toEqual(["company", "printer"]);
    const response = await dance.handler(new Request("http://127.0.0.1/login/printer/authorized"));
    expect(response.status).toBe(400); // an OAuth 1 callback without a login: the OAuth 1 steps answered
    expect(response.headers.get("x-dance-error")).toBe("missing_transaction");
  });
});

describe("what a bundle carries", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  async function inputsOf(preset: string, conditions = ["source", "workerd", "worker", "browser"]): Promise<string[]> {
    const result = await build({
      stdin: {
        contents: `import { createDance } from "@dance/core"; import { ${preset} } from "@dance/providers/${preset}";
export default createDance({ secret: "x".repeat(32), providers: [${preset}({ clientId: "i", clientSecret: "s" })] });`,
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      conditions,
      mainFields: ["browser", "module", "main"],
      write: false,
      metafile: true,
      logLevel: "error",
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    return Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
  }

  it("core + github: neither jose nor OAuth 1.0a, nor the Node-only AES-GCM fast path", async () => {
    const inputs = await inputsOf("github");
    expect(inputs.some((path) => path.includes("core/src/login.ts"))).toBe(true);
    expect(inputs.some((path) => path.includes("core/src/aead.ts"))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/|core\/src\/(oidc|oauth1)\/|core\/src\/aead-node\.ts/.test(path))).toEqual([]);
  });

  it("with the node condition, the seal gets the node:crypto fast path", async () => {
    const inputs = await inputsOf("github", ["source", "node"]);
    expect(inputs.some((path) => path.includes("core/src/aead-node.ts"))).toBe(true);
  });

  it("core + google: jose and the OpenID module, no OAuth 1.0a", async () => {
    const inputs = await inputsOf("google");
    expect(inputs.some((path) => path.includes("node_modules/jose/"))).toBe(true);
    expect(inputs.some((path) => path.includes("core/src/oidc/id-token.ts"))).toBe(true);
    expect(inputs.filter((path) => path.includes("core/src/oauth1/"))).toEqual([]);
  });
});
