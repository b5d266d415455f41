import { describe, expect, it } from "vitest";
import { genius } from "../../src/genius.js";

describe("genius", () => {
  it("sends response_type=code with the code exchange, as Genius documents, keeping the app's own token parameters", () => {
    expect(genius().tokenParams).toEqual({ response_type: "code" });
    expect(genius({ tokenParams: { foo: "bar" } }).tokenParams).toEqual({ foo: "bar", response_type: "code" });
  });
});
