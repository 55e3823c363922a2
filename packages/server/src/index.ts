export { buildServer, type ServerOptions } from "./build-server.js";
export { buildOpenApi, type OpenApiDocument } from "./openapi.js";
export { SESSION_COOKIE } from "./http/auth.js";
export { BUILD_HINT, defaultWebRoot, webAppBuilt } from "./http/web.js";
export type { RouteSpec, Access } from "./routes/route-spec.js";
