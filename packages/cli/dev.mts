import { main } from "/work/main/packages/cli/src/index.ts";
process.exitCode = await main(process.argv);
