import { SessionView } from "../session-view";

// Not behind proxy.ts: a refresh happens during the render, where Next.js forbids cookie writes.
export default function Page() {
  return <SessionView />;
}
