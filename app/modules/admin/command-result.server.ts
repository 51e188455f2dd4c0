import { data } from "@remix-run/node";
import { AppError } from "~/utils/errors.server";

/**
 * Runs an admin command for a route action: an AppError becomes the page's error message with its
 * status (the page re-renders, nothing typed is lost); anything else is a real failure and rises.
 */
export async function runCommand(command: () => Promise<void>): Promise<{ error: string; status: number } | null> {
  try {
    await command();
    return null;
  } catch (error) {
    if (error instanceof AppError) return { error: error.label, status: error.status };
    throw error;
  }
}

export function commandError(result: { error: string; status: number }) {
  return data({ error: result.error }, { status: result.status });
}

export function badRequest(message = "error.badRequest") {
  return data({ error: message }, { status: 400 });
}
