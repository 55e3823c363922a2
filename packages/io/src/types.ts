import type { Dataset, IssueLocation, ValidationIssue } from "@paraat/core";

/** A validation or parse problem together with where it sits in the file(s). */
export interface LocatedIssue extends ValidationIssue {
  location: IssueLocation;
}

/** The outcome of reading a dataset file: the validated dataset, or every problem found. */
export type ImportResult = { ok: true; dataset: Dataset } | { ok: false; issues: LocatedIssue[] };

export const datasetFileFormats = ["json", "xlsx", "csv"] as const;
export type DatasetFileFormat = (typeof datasetFileFormats)[number];

/** Reports progress of a long import: fraction 0…1 and a short stage name ("reading", "validating", ...). */
export type ProgressFn = (fraction: number, stage: string) => void;

export interface ReadOptions {
  /** Store the dataset under this name instead of the one in the file (applied before validation). */
  name?: string;
  onProgress?: ProgressFn;
}
