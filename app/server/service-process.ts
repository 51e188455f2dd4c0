import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";

// util-linux's setpriv asks the kernel to signal the service when the process that started it dies
// (PR_SET_PDEATHSIG), so a launcher killed with SIGKILL does not leave PostgreSQL or Meilisearch
// running. The flag is set after the switch to another user, so it holds for `postgres` too.
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((file) => fs.existsSync(file));

/**
 * Spawns a service that stops with the process that started it (`deathSignal`: how it likes to be
 * stopped). Without setpriv it runs as before; the next start stops it through its pid file.
 */
export function spawnService(command: string, args: string[], options: SpawnOptions & { deathSignal: NodeJS.Signals }): ChildProcess {
  const { deathSignal, ...spawnOptions } = options;
  if (!SETPRIV) return spawn(command, args, spawnOptions);
  return spawn(SETPRIV, ["--pdeathsig", deathSignal, "--", command, ...args], spawnOptions);
}
