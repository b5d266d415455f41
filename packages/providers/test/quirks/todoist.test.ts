import { describe, expect, it } from "vitest";
import { todoist } from "../../src/todoist.js";
import { loginScope } from "./_login.js";

describe("todoist", () => {
  it("sends the scope comma-separated, as Todoist documents", async () => {
    expect(await loginScope(todoist({ scope: ["data:read", "task:add"] }))).toBe("data:read,task:add");
  });
});
