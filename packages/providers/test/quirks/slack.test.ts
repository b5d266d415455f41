/** Slack: non-standard token answers, comma scopes in the v2 flow, and Flask-Dance's token-in-body compliance fix. */
import { describe, expect, it } from "vitest";
import type { Token } from "@dance/core";
import { slack } from "../../src/slack.js";
import { loginScope } from "./_login.js";

const token: Token = { access_token: "xoxb-1", token_type: "bearer" };
const context = { token, clientId: "id" };

describe("slack token answers", () => {
  const hook = slack().hooks!.tokenResponse!;

  it("makes {ok: false} with HTTP 200 an error", () => {
    expect(hook({ status: 200, body: { ok: false, error: "invalid_code" } })).toEqual({ status: 400, body: { ok: false, error: "invalid_code" } });
  });

  it("reads a bot token (token_type bot) as a bearer token and keeps the rest", () => {
    const body = { ok: true, access_token: "xoxb-1", token_type: "bot", scope: "chat:write", bot_user_id: "U1", team: { id: "T1" }, authed_user: { id: "U2" } };
    expect(hook({ status: 200, body })).toEqual({ status: 200, body: { ...body, token_type: "bearer", slack_token_type: "bot" } });
  });

  it("lifts the user token of a user-scope-only install", () => {
    const body = { ok: true, app_id: "A1", authed_user: { id: "U2", scope: "search:read", access_token: "xoxp-1", token_type: "user" }, team: { id: "T1" } };
    expect(hook({ status: 200, body }).body).toMatchObject({ access_token: "xoxp-1", scope: "search:read", authed_user: body.authed_user });
  });

  it("passes a standard answer, and a classic app's (no token_type: core's bearer), through unchanged", () => {
    const answer = { status: 200, body: { access_token: "at", token_type: "Bearer", expires_in: 43200, refresh_token: "xoxe-1" } };
    expect(hook(answer)).toBe(answer);
    const classic = { status: 200, body: { ok: true, access_token: "xoxp-2", scope: "identify,chat:write:bot" } };
    expect(hook(classic)).toBe(classic);
  });
});

describe("slack authorization request", () => {
  it("joins v2 scopes with commas, and leaves classic ones as Flask-Dance sends them", async () => {
    expect(await loginScope(slack({ scope: ["chat:write", "channels:read"] }))).toBe("chat:write,channels:read");
    expect(await loginScope(slack({ classic: true }))).toBe("identify chat:write:bot");
  });

  it("authorizes on the workspace's subdomain, and the classic flow on Flask-Dance's endpoints", () => {
    expect(slack({ subdomain: "acme" }).authorizationUrl).toBe("https://acme.slack.com/oauth/v2/authorize");
    const classic = slack({ classic: true, subdomain: "acme" });
    expect([classic.authorizationUrl, classic.tokenUrl, classic.scope]).toEqual(["https://acme.slack.com/oauth/authorize", "https://slack.com/api/oauth.access", ["identify", "chat:write:bot"]]);
    expect(() => slack({ subdomain: "acme.evil.test/x" })).toThrow(TypeError);
  });
});

describe("slack compliance fix (token in the body)", () => {
  const apiRequest = slack().hooks!.apiRequest!;

  it("adds the token to a form POST and to an empty POST", async () => {
    const form = await apiRequest(new Request("https://slack.com/api/chat.postMessage", { method: "POST", body: new URLSearchParams({ channel: "C1", text: "hi" }) }), context);
    expect(new URLSearchParams(await form.text()).get("token")).toBe("xoxb-1");
    expect(form.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    const empty = await apiRequest(new Request("https://slack.com/api/auth.test", { method: "POST" }), context);
    expect(await empty.text()).toBe("token=xoxb-1");
  });

  it("keeps a token the caller gave, in the body or the query", async () => {
    const inBody = await apiRequest(new Request("https://slack.com/api/auth.test", { method: "POST", body: new URLSearchParams({ token: "mine" }) }), context);
    expect(new URLSearchParams(await inBody.text()).getAll("token")).toEqual(["mine"]);
    const inQuery = new Request("https://slack.com/api/auth.test?token=mine", { method: "POST" });
    expect(await apiRequest(inQuery, context)).toBe(inQuery);
  });

  it("leaves GETs and JSON bodies to the Bearer header", async () => {
    const get = new Request("https://slack.com/api/users.info?user=U1");
    expect(await apiRequest(get, context)).toBe(get);
    const json = new Request("https://slack.com/api/chat.postMessage", { method: "POST", headers: { "content-type": "application/json" }, body: '{"channel":"C1"}' });
    expect(await apiRequest(json, context)).toBe(json);
  });
});
