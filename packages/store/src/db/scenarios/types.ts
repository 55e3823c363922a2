import type { Scenario } from "@paraat/core";

/** A stored scenario: the file and who wrote it when. */
export interface ScenarioRecord {
  dataset: string;
  name: string;
  scenario: Scenario;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}
