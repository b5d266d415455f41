import type { Contract } from "../contract.js";

export default {
  id: "osm",
  protocol: "oauth2",
  authorizationUrl: "https://www.openstreetmap.org/oauth2/authorize",
  tokenUrl: "https://www.openstreetmap.org/oauth2/token",
  // Flask-Dance's base_url is https://www.openstreetmap.org/api/0.6/; OSM's API host is api.openstreetmap.org.
  apiBaseUrl: "https://api.openstreetmap.org/api/0.6/",
  defaultScope: null,
  options: [[{ scope: ["read_prefs"] }, { scope: "read_prefs" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Access tokens do not expire." },
  docs: "https://wiki.openstreetmap.org/wiki/OAuth",
} satisfies Contract;
