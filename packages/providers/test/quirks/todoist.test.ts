import { describe, expect, it } from "vitest";
import { todoist } from "../../src/todoist.js";

describe("todoist", () => {
  it("sends the scope comma-separated, as Todoist documents", () => {
    const url = new URL("https://app.todoist.com/oauth/authorize?scope=data%3Aread+task%3Aadd");
    todoist().hooks!.authorizationRequest!(url, { clientId: "id" });
    expect(url.searchParams.get("scope")).toBe("data:read,task:add");
  });
});
