/** Who is acting: a signed-in user, a user through an API token, or the command line on the server itself. */
import { userInfo } from "node:os";
import type { Role } from "./permissions.js";

export interface Actor {
  /** The user; for the command line `cli:<operating-system user>`. The audit log records this name. */
  username: string;
  role: Role;
  displayName: string | null;
  via: "session" | "token" | "cli";
  /** The API token's id when via is "token". */
  tokenId?: string;
}

/** The command line acts with every permission: whoever runs it can open the database anyway. */
export function cliActor(): Actor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { username: `cli:${name}`, role: "admin", displayName: null, via: "cli" };
}
