import { describe, expect, it } from "vitest";
import { DanceConfigError } from "@dance/core";
import { fakeDance, useFakeProvider } from "./helpers.js";

const fake = useFakeProvider();

describe("OpenID discovery that cannot work", () => {
  it("a document without a token endpoint: ready() throws a config error, the login answers 502 discovery_failed", async () => {
    fake.setDiscovery({ token_endpoint: undefined });
    const dance = fakeDance(fake);
    await expect(dance.ready()).rejects.toBeInstanceOf(DanceConfigError);
    const res = await dance.handler(new Request("http://localhost:3000/login/fake"));
    expect(res.status).toBe(502);
    expect(res.headers.get("x-dance-error")).toBe("discovery_failed");
  });

  it("a provider that is down: 502 discovery_failed, and the next request discovers again", async () => {
    const down = fakeDance(fake, {}, { issuer: "http://127.0.0.1:9/" });
    const res = await down.handler(new Request("http://localhost:3000/login/fake"));
    expect(res.status).toBe(502);
    expect(res.headers.get("x-dance-error")).toBe("discovery_failed");

    const dance = fakeDance(fake);
    fake.setDiscovery({ token_endpoint: undefined });
    expect((await dance.handler(new Request("http://localhost:3000/login/fake"))).status).toBe(502);
    fake.reset();
    expect((await dance.handler(new Request("http://localhost:3000/login/fake"))).status).toBe(302);
  });
});
