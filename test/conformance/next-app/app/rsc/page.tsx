import { SessionView } from "../session-view";

// Behind proxy.ts, which refreshes an expiring token before this renders.
export default function Page() {
  return <SessionView />;
}
