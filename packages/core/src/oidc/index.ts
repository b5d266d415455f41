/**
 * OpenID Connect for `@dance/core`: discovery, and id_token verification with jose — the signature against the
 * provider's JWKS (fetched on demand, cached, re-fetched for an unknown `kid`; asymmetric
 * algorithms only), `iss`, `aud`, `azp`, `exp`, `iat`, `sub`, `nonce`, and for a refreshed
 * id_token the same `iss`/`sub`/`aud` as before (OIDC Core §3.1.3.7, §12.2).
 *
 * A provider with `protocol: "oidc"` carries it as `support: openidConnect`; the `oidc()` factory
 * and the OpenID presets of `@dance/providers` set it for you. It is a separate entry so that an
 * app with only plain OAuth 2 providers (GitHub, Discord…) never bundles jose.
 *
 * @example
 * ```ts
 * import { createDance } from "@dance/core";
 * import { openidConnect } from "@dance/core/oidc";
 *
 * const dance = createDance({
 *   secret: process.env.DANCE_SECRET,
 *   providers: [{ protocol: "oidc", id: "company", issuer: "https://login.company.test", scope: ["openid", "email"], support: openidConnect }],
 * });
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * @module
 */
import type { OpenIdSupport } from "../support.js";
import type { ProtocolSupport } from "../types.js";
import { discover } from "./discovery.js";
import { jwksFor, verifyIdToken } from "./id-token.js";

const support: OpenIdSupport = Object.freeze({ kind: "openid", discover, jwks: jwksFor, verifyIdToken });

/** id_token verification, for the `support` field of an OpenID Connect provider definition. */
export const openidConnect: ProtocolSupport<"openid"> = support;
