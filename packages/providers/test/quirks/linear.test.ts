import { describe, expect, it } from "vitest";
import { linear } from "../../src/linear.js";
import { loginScope } from "./_login.js";

describe("linear", () => {
  it("sends the scope comma-separated, as Linear documents", async () => {
    expect(await loginScope(linear({ scope: ["read", "write", "issues:create"] }))).toBe("read,write,issues:create");
  });
});
