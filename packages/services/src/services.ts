/**
 * The service layer: one object holding every service on one store, as the server and the CLI
 * use it. Rules about users, roles and audit live in the services; callers stay thin.
 */
import type { SolverChoice } from "@paraat/core";
import { chooseSolver } from "@paraat/solver";
import type { Store } from "@paraat/store";
import { AuditService } from "./audit.js";
import { DatasetService } from "./datasets.js";
import { InProcessJobRunner } from "./jobs/in-process.js";
import type { JobRunner } from "./jobs/job-runner.js";
import { NetworkService } from "./network.js";
import { defaultScryptCost, type ScryptCost } from "./passwords.js";
import { PlanService } from "./plans.js";
import { RiskService } from "./risk.js";
import { defaultSessionPolicy, SessionService, type SessionPolicy } from "./sessions.js";
import { Snapshots } from "./snapshots.js";
import { TokenService } from "./tokens.js";
import { UserService } from "./users.js";

export interface ServicesOptions {
  store: Store;
  /** The LP solver for plans; default: chosen by model size (@paraat/solver chooseSolver). */
  solver?: SolverChoice;
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
  readonly network: NetworkService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: TokenService;
  readonly audit: AuditService;
  readonly jobs: JobRunner;
  /** Waits for running jobs; does not close the store (its owner does). */
  close(): Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const accounts = store.accounts;
  const snapshots = new Snapshots(store);
  const jobs = options.jobs ?? new InProcessJobRunner({ now });
  const users = new UserService(accounts, options.passwordCost ?? defaultScryptCost, now);
  const risk = new RiskService(snapshots);
  return {
    store,
    datasets: new DatasetService(store, snapshots),
    plans: new PlanService(snapshots, jobs, options.solver ?? ((size) => chooseSolver(size))),
    risk,
    network: new NetworkService(snapshots, risk),
    users,
    sessions: new SessionService(accounts, users, { ...defaultSessionPolicy, ...options.sessions }, now),
    tokens: new TokenService(accounts, now),
    audit: new AuditService(store.audit),
    jobs,
    close: () => jobs.close(),
  };
}
