#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it (root "prepare" script).
import { main } from "../dist/index.js";

process.exitCode = await main(process.argv);
