/**
 * Before any test: the Dance packages the Next.js apps import, compiled to dist/ (only those
 * whose sources changed since). Done once here, so the Next.js conformance app and the
 * next-github example, built in parallel, never compile the same files at the same time.
 */
import { buildDist } from "../examples/next-github/scripts/dist.js";

export default async function setup(): Promise<void> {
  await buildDist();
}
