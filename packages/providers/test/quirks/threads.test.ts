import { describe, expect, it } from "vitest";
import { threads } from "../../src/threads.js";
import { loginScope } from "./_login.js";

describe("threads", () => {
  it("joins scopes with commas", async () => {
    expect(await loginScope(threads({ scope: ["threads_basic", "threads_content_publish"] }))).toBe("threads_basic,threads_content_publish");
  });
});
