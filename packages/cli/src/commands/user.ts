import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import type { Command } from "commander";
import { ParaatError } from "@paraat/core";
import { generatePassword, roles } from "@paraat/services";
import { info, print, withServices, type GlobalOptions } from "../context.js";

interface AddOptions {
  role: string;
  password?: string;
  displayName?: string;
}

/** Reads a line from the terminal without echoing it. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    muted = false;
    rl.close();
    process.stderr.write("\n");
  }
}

/** The password given, asked for on a terminal (twice), or generated (then printed once). */
async function choosePassword(given: string | undefined): Promise<{ password: string; generated: boolean }> {
  if (given !== undefined) return { password: given, generated: false };
  if (process.stdin.isTTY) {
    const first = await askHidden("Password (empty to generate one): ");
    if (first === "") return { password: generatePassword(), generated: true };
    if ((await askHidden("Again: ")) !== first) throw new ParaatError("INVALID_ARGUMENT", "the two passwords differ");
    return { password: first, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

/** The user commands name the account NAME (an argument), the rest by their options. */
const userOptions = { optionNames: { username: "NAME" } };

export function registerUser(program: Command): void {
  const user = program.command("user").description("manage the accounts of the web app and API");

  user
    .command("add <name>")
    .description("create a user (asks for the password on a terminal, or generates one and prints it once)")
    .requiredOption("--role <role>", `one of ${roles.join(", ")}`)
    .option("--password <password>", "the password (at least 10 characters); visible in the shell history, prefer the prompt")
    .option("--display-name <name>", "the name shown in the app")
    .action(async (name: string, cmd: AddOptions) => {
      const opts = program.opts<GlobalOptions>();
      const { password, generated } = await choosePassword(cmd.password);
      const created = await withServices(
        opts,
        ({ services, actor }) =>
          services.users.create(actor, {
            username: name,
            role: cmd.role as (typeof roles)[number],
            password,
            ...(cmd.displayName === undefined ? {} : { displayName: cmd.displayName }),
          }),
        userOptions,
      );
      if (generated) process.stderr.write(`password for ${created.username}: ${password}\n(shown only now)\n`);
      print(opts, { json: created, tables: [], notes: [`created ${created.username} (${created.role})`] });
    });

  user
    .command("list")
    .description("list the users")
    .action(async () => {
      const opts = program.opts<GlobalOptions>();
      const users = await withServices(opts, ({ services, actor }) => services.users.list(actor), userOptions);
      print(opts, {
        json: users,
        tables: [
          {
            columns: [
              { key: "username", label: "user" },
              { key: "role", label: "role" },
              { key: "displayName", label: "name" },
              { key: "disabled", label: "disabled" },
              { key: "updatedAt", label: "changed" },
            ],
            rows: users.map((u) => ({ ...u })),
          },
        ],
      });
    });

  user
    .command("passwd <name>")
    .description("set a user's password (asks, or generates one and prints it once); ends their sessions")
    .option("--password <password>", "the new password")
    .action(async (name: string, cmd: { password?: string }) => {
      const opts = program.opts<GlobalOptions>();
      const { password, generated } = await choosePassword(cmd.password);
      await withServices(opts, ({ services, actor }) => services.users.update(actor, name, { password }), userOptions);
      if (generated) process.stderr.write(`password for ${name}: ${password}\n(shown only now)\n`);
      info(opts, `password of ${name} changed; their sessions ended`);
    });

  user
    .command("set <name>")
    .description("change a user's role, display name, or disable / enable them")
    .option("--role <role>", `one of ${roles.join(", ")}`)
    .option("--display-name <name>", "the name shown in the app")
    .option("--disable", "disable the account (ends its sessions)")
    .option("--enable", "enable the account")
    .action(async (name: string, cmd: { role?: string; displayName?: string; disable?: boolean; enable?: boolean }) => {
      const opts = program.opts<GlobalOptions>();
      if (cmd.disable && cmd.enable) throw new ParaatError("INVALID_ARGUMENT", "--disable and --enable contradict each other");
      const changed = await withServices(
        opts,
        ({ services, actor }) =>
          services.users.update(actor, name, {
            ...(cmd.role === undefined ? {} : { role: cmd.role as (typeof roles)[number] }),
            ...(cmd.displayName === undefined ? {} : { displayName: cmd.displayName }),
            ...(cmd.disable ? { disabled: true } : cmd.enable ? { disabled: false } : {}),
          }),
        userOptions,
      );
      print(opts, { json: changed, tables: [], notes: [`${changed.username}: ${changed.role}${changed.disabled ? ", disabled" : ""}`] });
    });

  user
    .command("remove <name>")
    .description("remove a user with their sessions and API tokens")
    .action(async (name: string) => {
      const opts = program.opts<GlobalOptions>();
      await withServices(opts, ({ services, actor }) => services.users.remove(actor, name), userOptions);
      info(opts, `removed ${name}`);
    });
}
