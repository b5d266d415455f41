// Type-level tests of the public API: checked by `npm run typecheck` (part of `npm test`).
import { describe, expectTypeOf, it } from "vitest";
import {
  createDance,
  DanceError,
  type Dance,
  type DanceErrorCode,
  type OAuth2ProviderDefinition,
  type ProviderSession,
  type Token,
  type TokenStorage,
} from "@dance/core";
import { github } from "@dance/providers/github";
import { google } from "@dance/providers/google";
import { oidc } from "@dance/providers/oidc";

describe("public types", () => {
  it("createDance returns a Dance whose handler is a web-standard fetch handler", () => {
    expectTypeOf(createDance).returns.toEqualTypeOf<Dance>();
    expectTypeOf<Dance["handler"]>().toEqualTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf<Dance["session"]>().returns.resolves.toEqualTypeOf<ProviderSession>();
  });

  it("sessions expose the token and a fetch", () => {
    expectTypeOf<ProviderSession["token"]>().toEqualTypeOf<Token | null>();
    expectTypeOf<ProviderSession["fetch"]>().returns.resolves.toEqualTypeOf<Response>();
    expectTypeOf<ProviderSession["authorized"]>().toBeBoolean();
  });

  it("providers are plain definitions", () => {
    expectTypeOf(github()).toEqualTypeOf<OAuth2ProviderDefinition>();
    expectTypeOf(google()).toEqualTypeOf<OAuth2ProviderDefinition>();
    expectTypeOf(oidc).parameter(0).toHaveProperty("issuer").toBeString();
  });

  it("error codes are a closed union", () => {
    expectTypeOf<DanceError["code"]>().toEqualTypeOf<DanceErrorCode>();
    expectTypeOf<"state_mismatch">().toExtend<DanceErrorCode>();
    // @ts-expect-error an unknown code is not a DanceErrorCode
    const unknown: DanceErrorCode = "no_such_code";
    void unknown;
  });

  it("events: authorized may veto or answer with a Response", () => {
    type Authorized = NonNullable<NonNullable<Parameters<typeof createDance>[0]["on"]>["authorized"]>;
    expectTypeOf<ReturnType<Authorized>>().toExtend<void | boolean | Response | Promise<void | boolean | Response>>();
  });

  it("a storage is three async methods", () => {
    expectTypeOf<TokenStorage["get"]>().returns.resolves.toEqualTypeOf<Token | null>();
  });
});
