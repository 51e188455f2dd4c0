/**
 * A problem of the machine the app runs on (permissions, a second instance, a missing user), not a
 * bug: the launcher prints its message as ONE line that says what to do, never a stack trace.
 */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SetupError";
  }
}

export function isPermissionError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "EACCES" || code === "EPERM" || code === "EROFS";
}
