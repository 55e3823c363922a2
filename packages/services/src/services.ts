/**
 * The service layer: one object holding every service on one store, as the server and the CLI
 * use it. Rules about users, roles and audit live in the services; callers stay thin.
 */
import type { SolverChoice } from "@paraat/core";
import type { Store } from "@paraat/store";
import { AuditService } from "./audit.js";
import { DatasetService } from "./datasets.js";
import { InProcessJobRunner } from "./jobs/in-process.js";
import type { JobRunner } from "./jobs/job-runner.js";
import { NetworkService } from "./network.js";
import { defaultScryptCost, type ScryptCost } from "./passwords.js";
import { PlanService } from "./plans.js";
import { RiskService } from "./risk.js";
import { LocalRuns } from "./runs/local-runs.js";
import type { Runs } from "./runs/runs.js";
import { defaultThreads, WorkerRuns } from "./runs/worker-runs.js";
import { ScenarioService } from "./scenarios.js";
import { defaultSessionPolicy, SessionService, type SessionPolicy } from "./sessions.js";
import { Snapshots } from "./snapshots.js";
import { TokenService } from "./tokens.js";
import { UserService } from "./users.js";

export interface ServicesOptions {
  store: Store;
  /**
   * An LP solver for plans, used in this thread (a solver object cannot be sent to a worker
   * thread): plans and risk analyses then block the event loop while they run. For tests.
   * Default: both run in worker threads, the solver chosen by model size (@paraat/solver chooseSolver).
   */
  solver?: SolverChoice;
  /** Worker threads for plans and risk analyses; default min(2, cores − 1), at least 1. Unused with `solver`. */
  workers?: number;
  /** Default: an in-process runner running one job at a time. */
  jobs?: JobRunner;
  /** scrypt parameters for new password hashes; default OWASP's N=2^17, r=8, p=1. */
  passwordCost?: ScryptCost;
  sessions?: Partial<SessionPolicy>;
  /** Default: the system clock. */
  now?: () => Date;
}

export interface Services {
  readonly store: Store;
  readonly datasets: DatasetService;
  readonly plans: PlanService;
  readonly risk: RiskService;
  readonly scenarios: ScenarioService;
  readonly network: NetworkService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: TokenService;
  readonly audit: AuditService;
  readonly jobs: JobRunner;
  /** Waits for running jobs and stops the worker threads; does not close the store (its owner does). */
  close(): Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const accounts = store.accounts;
  const snapshots = new Snapshots(store);
  const jobs = options.jobs ?? new InProcessJobRunner({ now });
  const users = new UserService(accounts, options.passwordCost ?? defaultScryptCost, now);
  const runs: Runs =
    options.solver !== undefined
      ? new LocalRuns(options.solver)
      : new WorkerRuns(options.workers === undefined ? {} : { threads: options.workers });
  const risk = new RiskService(snapshots, runs);
  const threads = options.solver !== undefined ? 1 : (options.workers ?? defaultThreads());
  return {
    store,
    datasets: new DatasetService(store, snapshots),
    plans: new PlanService(snapshots, jobs, runs),
    risk,
    scenarios: new ScenarioService(store, snapshots, jobs, runs, threads),
    network: new NetworkService(snapshots, risk),
    users,
    sessions: new SessionService(accounts, users, { ...defaultSessionPolicy, ...options.sessions }, now),
    tokens: new TokenService(accounts, now),
    audit: new AuditService(store.audit),
    jobs,
    async close() {
      await jobs.close();
      await runs.close();
    },
  };
}
