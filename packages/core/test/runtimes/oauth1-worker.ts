/** The runtime app as a Cloudflare Worker (bundled by esbuild, run by workerd without `nodejs_compat`). */
import { handle, type AppEnv } from "./oauth1-app.js";

export default {
  fetch: (request: Request, env: AppEnv) => handle(request, env),
};
