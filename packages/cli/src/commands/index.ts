import type { Command } from "commander";
import { registerDataset } from "./dataset.js";
import { registerExport } from "./export.js";
import { registerGenerate } from "./generate.js";
import { registerImport } from "./import.js";
import { registerSummary } from "./summary.js";
import { registerRisk } from "./risk.js";
import { registerValidate } from "./validate.js";
import { registerServe } from "./serve.js";
import { registerUser } from "./user.js";
import { registerPlan } from "./plan.js";
import { registerEntity } from "./entity.js";
import { registerAudit } from "./audit.js";
import { registerScenario } from "./scenario.js";

/** One file per command noun; each registers itself on the program. */
export const commands: ((program: Command) => void)[] = [
  registerDataset,
  registerImport,
  registerExport,
  registerValidate,
  registerGenerate,
  registerSummary,
  registerRisk,
  registerServe,
  registerUser,
  registerPlan,
  registerEntity,
  registerAudit,
  registerScenario,
];
