/** Starts the end-to-end server by hand (for looking at the app): `node --import tsx --conditions=paraat-source packages/web/e2e/serve.ts`. */
import { startServer } from "./support/server.js";

const server = await startServer({ warmPlan: process.env.WARM === "1" });
process.stdout.write(`${server.url}  user ${server.username}  password ${server.password}\n`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
