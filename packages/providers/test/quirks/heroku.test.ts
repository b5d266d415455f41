/** Heroku: Flask-Dance's api_version goes in the Accept header of API calls, not of token requests. */
import { describe, expect, it } from "vitest";
import { heroku } from "../../src/heroku.js";

describe("heroku", () => {
  it("versions the Accept header of API calls", () => {
    expect(heroku().apiHeaders).toEqual({ accept: "application/vnd.heroku+json; version=3" });
    expect(heroku({ apiVersion: "3.sdk" }).apiHeaders).toEqual({ accept: "application/vnd.heroku+json; version=3.sdk" });
    expect(heroku().tokenHeaders).toBeUndefined();
  });
});
