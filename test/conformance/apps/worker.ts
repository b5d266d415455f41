/**
 * The conformance app as a Worker with `withDance`: configuration from the env bindings of each
 * request (`createDance((env) => config)`), no `nodejs_compat`, no `process`. Bundled with
 * esbuild and run in workerd by workers.test.ts.
 */
import { createDance } from "@dance/core";
import { withDance } from "@dance/cloudflare";
import { logged } from "./logged.js";
import { callApi, conformanceConfig, tokens, type ConformanceEnv } from "../config.js";

const dance = createDance((env: ConformanceEnv) => conformanceConfig(env));

export default logged(withDance(dance, async (request, _env, _ctx, dance) => {
  const { pathname } = new URL(request.url);
  if (pathname === "/") return Response.json(await tokens(dance));
  if (pathname === "/private") return (await dance.guard("fake")) ?? Response.json({ private: true, ...(await tokens(dance)) });
  if (pathname === "/api") return Response.json(await callApi(dance)); // not_authorized → withDance answers it
  if (pathname === "/logout" && request.method === "POST") {
    await (await dance.session("fake")).deleteToken();
    return new Response(null, { status: 303, headers: { location: "/" } });
  }
  if (pathname === "/runtime") return Response.json({ process: typeof (globalThis as { process?: unknown }).process, buffer: typeof (globalThis as { Buffer?: unknown }).Buffer });
  return new Response("Not Found", { status: 404 });
}));
