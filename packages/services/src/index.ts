export * from "./permissions.js";
export { cliActor, type Actor } from "./actor.js";
export { createServices, type Services, type ServicesOptions } from "./services.js";
export { inputIssues, inputFailed, parseInput, type InputIssue, type InputPart } from "./input-issues.js";
export { defaultScryptCost, testScryptCost, generatePassword, hashPassword, verifyPassword, type ScryptCost } from "./passwords.js";
export * from "./user-schemas.js";
export * from "./plan-schemas.js";
export {
  DatasetService,
  exportFormats,
  uploadFormats,
  isEntityName,
  type ExportFile,
  type ExportFormat,
  type ImportUpload,
  type UploadFormat,
} from "./datasets.js";
export { PlanService, PLAN_JOB, type PlanOutcome } from "./plans.js";
export {
  ScenarioService,
  COMPARE_JOB,
  MONTECARLO_JOB,
  SURVIVE_JOB,
  chunksOf,
  compareRequestSchema,
  monteCarloRequestSchema,
  surviveRequestSchema,
  type AnalysisOutcome,
  type CompareRequest,
  type MonteCarloRequest,
  type SurviveRequest,
  type SurviveResult,
} from "./scenarios.js";
export { RiskService, riskQuerySchema, riskForItem, type RiskQuery } from "./risk.js";
export { NetworkService, networkQuerySchema } from "./network.js";
export { UserService, INITIAL_ADMIN } from "./users.js";
export { SessionService, defaultSessionPolicy, type SessionPolicy, type SignedIn } from "./sessions.js";
export { TokenService, type CreatedToken } from "./tokens.js";
export { AuditService } from "./audit.js";
export { LoginThrottle, type ThrottleRule } from "./login-throttle.js";
export * from "./jobs/job-runner.js";
export { InProcessJobRunner, type InProcessOptions } from "./jobs/in-process.js";
export { cancelJob } from "./jobs/cancel-job.js";
export { runPlan, defaultSolver, type PlanRunInput } from "./runs/plan-run.js";
export { runRisk, type RiskRunInput } from "./runs/risk-run.js";
export type { Progress } from "./runs/progress.js";
export type { Runs, RunOptions } from "./runs/runs.js";
export type { RunKind, RunInput, RunOutput } from "./runs/run-kinds.js";
export { WorkerRuns, defaultThreads, type WorkerRunsOptions } from "./runs/worker-runs.js";
export { LocalRuns } from "./runs/local-runs.js";
export { workerEntry, type WorkerEntry } from "./runs/worker-entry.js";
