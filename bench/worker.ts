/**
 * The smallest Worker that logs in with GitHub through Dance: what `npm run bench` bundles to
 * report the Worker bundle size of core + the github preset + @dance/cloudflare.
 */
import { createDance } from "@dance/core";
import { github } from "@dance/providers/github";
import { withDance } from "@dance/cloudflare";

const dance = createDance((env: { DANCE_SECRET: string }) => ({ secret: env.DANCE_SECRET, providers: [github()] }));

export default withDance(dance, async (_request, _env, _ctx, dance) => new Response((await dance.session("github")).authorized ? "yes" : "no"));
