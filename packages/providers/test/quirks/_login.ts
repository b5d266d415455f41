import { createDance, type OAuth2ProviderDefinition } from "@dance/core";

/**
 * The authorization URL a login with `definition` redirects to, as `dance.beginLogin()` builds
 * it (`scope`: extra scopes for this login). For presets with pinned endpoints: no network.
 */
export async function loginUrl(definition: OAuth2ProviderDefinition, scope?: readonly string[]): Promise<URL> {
  const dance = createDance({ secret: "quirk-test-secret-0123456789abcdef", providers: [{ ...definition, clientId: "id", clientSecret: "s" }], env: {}, warn: () => {} });
  const { url } = await dance.beginLogin(new Request("https://app.test/"), definition.id, scope ? { scope } : {});
  return url;
}

/** The `scope` parameter of {@link loginUrl}. */
export const loginScope = async (definition: OAuth2ProviderDefinition, scope?: readonly string[]) => (await loginUrl(definition, scope)).searchParams.get("scope");
