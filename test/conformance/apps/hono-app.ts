/**
 * The conformance app on Hono: one app for @hono/node-server, Workers, Deno and Bun.
 * `createDance((env) => config)`: the environment comes from `c.env` (a Worker's bindings, or
 * what the runtime's entry passes to `app.fetch(request, env)`).
 */
import { Hono } from "hono";
import { createDance } from "@dance/core";
import { danceMiddleware, requireLogin, type DanceHonoEnv } from "@dance/hono";
import { callApi, conformanceConfig, tokens, type ConformanceEnv, type ConformanceId } from "../config.js";

export function honoApp() {
  const dance = createDance((env: ConformanceEnv) => conformanceConfig(env));
  const app = new Hono<DanceHonoEnv<ConformanceId, ConformanceEnv>>();
  app.use(danceMiddleware(dance));
  app.get("/", async (c) => c.json(await tokens(c.var.dance)));
  app.get("/private", requireLogin(dance, "fake"), async (c) => c.json({ private: true, ...(await tokens(c.var.dance)) }));
  app.get("/api", async (c) => c.json(await callApi(c.var.dance)));
  app.post("/logout", async (c) => {
    await (await c.var.dance.session("fake")).deleteToken();
    return c.redirect("/", 303);
  });
  return app;
}
