/** For the workerd runs: which requests reached the Worker at all. */
/** A Worker that logs `[app] <method> <path>` for every request it gets (see {@link WORKERD}). */
export function logged<E, C>(worker: { fetch(request: Request, env: E, ctx: C): Response | Promise<Response> }) {
  return {
    fetch(request: Request, env: E, ctx: C) {
      console.log(`[app] ${request.method} ${request.url}`);
      return worker.fetch(request, env, ctx);
    },
  };
}
