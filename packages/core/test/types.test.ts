// Type-level tests of the public API: checked by `npm run typecheck` (part of `npm test`).
import { describe, expectTypeOf, it } from "vitest";
import {
  createDance,
  DanceError,
  type Dance,
  type DanceConfig,
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
    expectTypeOf<Dance["handler"]>().toExtend<(request: Request) => Promise<Response>>();
    expectTypeOf<Dance["session"]>().returns.resolves.toEqualTypeOf<ProviderSession>();
  });

  it("sessions expose the token and a fetch", () => {
    expectTypeOf<ProviderSession["token"]>().toEqualTypeOf<Token | null>();
    expectTypeOf<ProviderSession["fetch"]>().returns.resolves.toEqualTypeOf<Response>();
    expectTypeOf<ProviderSession["authorized"]>().toBeBoolean();
  });

  it("providers are plain definitions whose id is a literal type", () => {
    expectTypeOf(github()).toEqualTypeOf<OAuth2ProviderDefinition<"github">>();
    expectTypeOf(google()).toEqualTypeOf<OAuth2ProviderDefinition<"google">>();
    expectTypeOf(github()).toExtend<OAuth2ProviderDefinition>();
    expectTypeOf(oidc).parameter(0).toHaveProperty("issuer").toBeString();
    expectTypeOf(oidc({ id: "local", issuer: "https://op.test" }).id).toEqualTypeOf<"local">();
  });

  it("the configured provider ids are inferred: a typo does not type-check; hasProvider narrows a dynamic id", () => {
    const dance = createDance({
      secret: "type-test-secret-0123456789abcdefghij",
      providers: [github({ clientId: "id", clientSecret: "secret" }), oidc({ id: "local", issuer: "https://op.test", clientId: "id", clientSecret: "secret" })],
      env: {},
    });
    expectTypeOf(dance).toEqualTypeOf<Dance<"github" | "local">>();
    expectTypeOf(dance.session).parameter(1).toEqualTypeOf<"github" | "local">();
    const request = new Request("https://app.test/");
    // @ts-expect-error "githbu" is not a configured provider
    void (() => dance.session(request, "githbu"));
    // @ts-expect-error nor for the guard
    void (() => dance.guard(request, "googel"));
    // @ts-expect-error nor for a subscription
    void (() => dance.on("authorized", () => {}, { provider: "gitlab" }));
    const dynamic: string = new URL(request.url).searchParams.get("provider") ?? "github";
    if (dance.hasProvider(dynamic)) expectTypeOf(dynamic).toEqualTypeOf<"github" | "local">();
  });

  it("error codes are a closed union", () => {
    expectTypeOf<DanceError["code"]>().toEqualTypeOf<DanceErrorCode>();
    expectTypeOf<"state_mismatch">().toExtend<DanceErrorCode>();
    // @ts-expect-error an unknown code is not a DanceErrorCode
    const unknown: DanceErrorCode = "no_such_code";
    void unknown;
  });

  it("events: authorized may veto or answer with a Response", () => {
    type Authorized = NonNullable<NonNullable<DanceConfig["on"]>["authorized"]>;
    expectTypeOf<ReturnType<Authorized>>().toExtend<void | boolean | Response | Promise<void | boolean | Response>>();
  });

  it("a storage is three async methods", () => {
    expectTypeOf<TokenStorage["get"]>().returns.resolves.toEqualTypeOf<Token | null>();
  });
});
