import type { Command } from "commander";

/** One file per command noun; each registers itself on the program. */
export const commands: ((program: Command) => void)[] = [];
