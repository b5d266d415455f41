/** A fetch that records its calls and answers a fixed status, for the revoke hooks' tests. */
export function recordingFetch(status: number, body: string | null = status === 204 ? null : "{}") {
  const calls: { url: string; method: string; headers: Headers; body: string }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers), body: typeof init?.body === "string" ? init.body : String(init?.body ?? "") });
    return new Response(body, { status });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

/** A stored token as the hooks see it. */
export const token = { access_token: "the-token", token_type: "bearer" };
