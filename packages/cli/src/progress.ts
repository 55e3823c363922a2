import cliProgress from "cli-progress";

/** A progress bar on stderr for long runs; silent when stderr is not a terminal or --quiet. */
export function progressBar(enabled: boolean): { update: (fraction: number, stage: string) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: " {bar} {percentage}% | {stage}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { stage: "" });
  return {
    update: (fraction, stage) => bar.update(Math.round(fraction * 100), { stage }),
    stop: () => bar.stop(),
  };
}
