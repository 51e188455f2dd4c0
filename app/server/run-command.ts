import { spawn } from "node:child_process";
import path from "node:path";

export function runCommand(command: string, args: string[], options: { env?: Record<string, string | undefined>; quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}\n${output.slice(-3000)}`))));
  });
}

const bin = (pkg: string) => path.join(process.cwd(), "node_modules", ".bin", pkg);

export function prisma(args: string[], databaseUrl: string, quiet = true): Promise<void> {
  return runCommand(bin("prisma"), args, { env: { DATABASE_URL: databaseUrl }, quiet });
}

export function tsx(script: string, env: Record<string, string | undefined> = {}, quiet = false): Promise<void> {
  return runCommand(bin("tsx"), [script], { env, quiet });
}
