/**
 * Every preset called with credentials only either works with its documented defaults or
 * refuses at once with a TypeError that names the missing option: never a definition that
 * points at `https://undefined` and fails at the first login.
 */
import { describe, expect, it } from "vitest";
import * as presets from "@dance/providers";

// The generic builders (no defaults to fall back on) and a helper that is not a preset.
const generic = new Set(["oauth2", "oidc", "oauth1", "readKeyFile"]);

describe("presets without their required options", () => {
  const entries = Object.entries(presets).filter(([name, value]) => typeof value === "function" && !generic.has(name));

  it("covers the whole catalogue", () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
  });

  it.each(entries)("%s(): defaults, or a TypeError naming what to set", (_name, preset) => {
    let definition: unknown;
    try {
      definition = (preset as (options: object) => unknown)({ clientId: "id", clientSecret: "secret", clientKey: "key" });
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/`\w+`/); // names the option to set
      return;
    }
    expect(JSON.stringify(definition)).not.toMatch(/undefined|null\//);
  });
});
