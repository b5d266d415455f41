/**
 * The conformance app on Node: plain `node:http` with `toNodeHandler`, Express with
 * `nodeMiddleware`, and the Hono app on `@hono/node-server`. In the test process, on
 * 127.0.0.1 and a free port.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { serve } from "@hono/node-server";
import { createDance } from "@dance/core";
import { getSession, nodeErrorHandler, nodeMiddleware, requireLogin, toNodeHandler, toRequest } from "@dance/node";
import { callApi, conformanceConfig, tokens, type ConformanceEnv } from "../config.js";
import type { RunningApp } from "../suite.js";
import { honoApp } from "./hono-app.js";

async function listen(server: http.Server): Promise<RunningApp> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: http.ServerResponse, body: unknown) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

/** node:http + toNodeHandler. */
export function startNodeHttp(env: ConformanceEnv): Promise<RunningApp> {
  const dance = createDance(conformanceConfig(env));
  const server = http.createServer(
    toNodeHandler(dance, async (req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const fake = await getSession(dance, req, res, "fake"); // wires cookie changes onto res
      const context = dance.context(toRequest(req));
      if (path === "/") return json(res, await tokens(context));
      if (path === "/private") {
        if (!fake.authorized) return void res.writeHead(302, { location: fake.loginUrlFor(req.url ?? "/") }).end();
        return json(res, { private: true, ...(await tokens(context)) });
      }
      if (path === "/api") return json(res, await callApi(context)); // not_authorized → toNodeHandler answers it
      if (path === "/logout" && req.method === "POST") {
        await fake.deleteToken();
        return void res.writeHead(303, { location: "/" }).end();
      }
      res.writeHead(404).end();
    }),
  );
  return listen(server);
}

/** Express 5 + nodeMiddleware / requireLogin / nodeErrorHandler. */
export function startExpress(env: ConformanceEnv): Promise<RunningApp> {
  const dance = createDance(conformanceConfig(env));
  const app = express();
  app.use(nodeMiddleware(dance));
  app.get("/", async (req, res) => void res.json(await tokens(dance.context(toRequest(req)))));
  app.get("/private", requireLogin(dance, "fake"), async (req, res) => void res.json({ private: true, ...(await tokens(dance.context(toRequest(req)))) }));
  app.get("/api", async (req, res) => {
    await getSession(dance, req, res, "fake");
    res.json(await callApi(dance.context(toRequest(req))));
  });
  app.post("/logout", async (req, res) => {
    await (await getSession(dance, req, res, "fake")).deleteToken();
    res.redirect(303, "/");
  });
  app.use(nodeErrorHandler(dance));
  return listen(http.createServer(app));
}

/** The Hono app on @hono/node-server; `app.fetch(request, env)` hands it the environment. */
export async function startHonoNode(env: ConformanceEnv): Promise<RunningApp> {
  const app = honoApp();
  let server!: http.Server;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: (request) => app.fetch(request, env), hostname: "127.0.0.1", port: 0 }, (info) => resolve(info.port)) as http.Server;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
