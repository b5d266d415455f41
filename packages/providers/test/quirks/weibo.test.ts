import { describe, expect, it } from "vitest";
import { weibo } from "../../src/weibo.js";
import { loginScope } from "./_login.js";

describe("weibo", () => {
  it("joins scopes with commas", async () => {
    expect(await loginScope(weibo({ scope: ["email", "direct_messages_read"] }))).toBe("email,direct_messages_read");
  });
});
