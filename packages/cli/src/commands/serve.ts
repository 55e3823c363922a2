import type { Command } from "commander";
import { ParaatError } from "@paraat/core";
import { createServices, type Actor } from "@paraat/services";
import { openStore } from "@paraat/store";
import type { GlobalOptions } from "../context.js";

interface ServeOptions {
  port: string;
  host: string;
  web?: string | false;
  secure?: boolean;
  trustProxy?: boolean;
  log?: boolean;
}

/** The server acting on its own behalf (the first admin), as the audit log names it. */
const system: Actor = { username: "system", role: "admin", displayName: null, via: "cli" };

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ParaatError("INVALID_ARGUMENT", `--port must be a port number; got "${value}"`);
  return n;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and the HTTP API (docs at /api/docs)")
    .option("--port <n>", "port to listen on", "4000")
    .option("--host <address>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--web <dir>", "the web app build to serve (default: packages/web/dist)")
    .option("--no-web", "serve the API only")
    .option("--secure", "served over HTTPS (e.g. behind a proxy): Secure cookies and HSTS")
    .option("--trust-proxy", "trust X-Forwarded-* headers from a reverse proxy")
    .option("--log", "log every request (JSON lines on stdout)")
    .action(async (cmd: ServeOptions) => {
      const opts = program.opts<GlobalOptions>();
      const listenPort = port(cmd.port);
      // Loaded here so that the other commands do not load Fastify.
      const { BUILD_HINT, buildServer, defaultWebRoot, webAppBuilt } = await import("@paraat/server");
      const webRoot = cmd.web === false ? false : (cmd.web ?? defaultWebRoot());
      const store = await openStore(opts.db);
      const services = createServices({ store });
      const note = (line: string): void => void process.stderr.write(`${line}\n`);
      try {
        if (store.dialect === "sqlite") {
          const first = await services.users.ensureInitialAdmin(system);
          if (first !== undefined) {
            // Printed whatever --quiet says: it is shown only this once.
            note(`\nCreated the first user: ${first.username}\n  password: ${first.password}\n`);
            note("It is shown only now. Sign in and set your own password, or run `paraat user passwd admin`.\n");
          }
        } else if ((await services.users.list(system)).length === 0) {
          note(`No users yet in ${store.location}: create one with \`paraat --db URL user add NAME --role admin\`.`);
        }
        if (webRoot !== false && !webAppBuilt(webRoot) && !opts.quiet)
          note(`The web app is not built (no ${webRoot}/index.html): run \`${BUILD_HINT}\`. Serving the API only.`);
        const app = await buildServer({
          services,
          webRoot,
          secure: cmd.secure ?? false,
          trustProxy: cmd.trustProxy ?? false,
          logger: cmd.log ?? false,
        });
        const address = await app.listen({ port: listenPort, host: cmd.host });
        if (!opts.quiet) note(`Paraat serves ${address} (database ${store.location}); API docs at ${address}/api/docs. Stop with Ctrl-C.`);
        const prune = setInterval(() => void services.sessions.prune().catch(() => undefined), 3600_000);
        prune.unref();
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            resolve();
          };
          process.on("SIGINT", stop);
          process.on("SIGTERM", stop);
        });
        clearInterval(prune);
        if (!opts.quiet) note("stopping…");
        await app.close();
      } finally {
        await services.close();
        await store.close();
      }
    });
}
