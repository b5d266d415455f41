import { describe, expect, it } from "vitest";
import { figma } from "../../src/figma.js";

describe("figma", () => {
  it("refreshes at /v1/oauth/refresh", () => {
    expect(figma().refresh).toEqual({ url: "https://api.figma.com/v1/oauth/refresh" });
  });
});
