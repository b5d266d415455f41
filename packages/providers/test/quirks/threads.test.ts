import { describe, expect, it } from "vitest";
import { threads } from "../../src/threads.js";
import { loginScope } from "./_login.js";

describe("threads", () => {
  const { tokenResponse } = threads().hooks!;

  it("reads the code exchange's { access_token, user_id } as a bearer token", () => {
    expect(tokenResponse!({ status: 200, body: { access_token: "THQVJ", user_id: 12345 } })).toEqual({ status: 200, body: { access_token: "THQVJ", user_id: 12345, token_type: "bearer" } });
    const standard = { status: 200, body: { access_token: "a", token_type: "bearer", expires_in: 5183944 } };
    expect(tokenResponse!(standard)).toBe(standard);
  });

  it("joins scopes with commas", async () => {
    expect(await loginScope(threads({ scope: ["threads_basic", "threads_content_publish"] }))).toBe("threads_basic,threads_content_publish");
  });
});
