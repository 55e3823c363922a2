/**
 * Security headers (helmet). The Content-Security-Policy fits a Vite-built React app: scripts only
 * from this origin and no inline scripts; inline style attributes are allowed because ECharts
 * writes them into tooltip markup. HSTS and upgrade-insecure-requests only when served over HTTPS
 * (on plain HTTP they would break a loopback install).
 */
import type { FastifyHelmetOptions } from "@fastify/helmet";

export function helmetOptions(secure: boolean): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(secure ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  };
}
