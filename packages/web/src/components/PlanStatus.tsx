/** While the plan is computed as a job: its progress; when it failed: why, with a retry. */
import { startPlan, type PlanState } from "../api/plan-job.js";
import { useI18n } from "../i18n/I18n.js";
import { ErrorBox, Loading, ProgressBar } from "./ui.js";

export function PlanStatus({ dataset, state }: { dataset: string; state: PlanState | undefined }) {
  const { t } = useI18n();
  if (!state || state.status === "loading") return <Loading label={t("plan.loading")} />;
  if (state.status === "queued" || state.status === "running")
    return (
      <div className="panel">
        <ProgressBar
          value={state.progress}
          label={state.message ? `${t(`job.${state.status}`)}: ${state.message}` : t(`job.${state.status}`)}
        />
        <p className="muted small">{t("plan.jobNote")}</p>
      </div>
    );
  if (state.status === "failed")
    return (
      <div>
        <ErrorBox error={new Error(state.error?.message ?? "")} title={`${t("plan.failed")} (${state.error?.code ?? ""})`} />
        <button type="button" onClick={() => startPlan(dataset, true)}>
          {t("common.retry")}
        </button>
      </div>
    );
  return null;
}
