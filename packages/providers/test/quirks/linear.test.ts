import { describe, expect, it } from "vitest";
import { linear } from "../../src/linear.js";

describe("linear", () => {
  it("sends the scope comma-separated, as Linear documents", () => {
    const url = new URL("https://linear.app/oauth/authorize?scope=read+write+issues%3Acreate&state=s");
    linear().hooks!.authorizationRequest!(url, { clientId: "id" });
    expect(url.searchParams.get("scope")).toBe("read,write,issues:create");
    expect(url.searchParams.get("state")).toBe("s");
  });
});
