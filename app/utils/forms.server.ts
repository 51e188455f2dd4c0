import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { AppError } from "./errors.server";

type Reply = ReturnType<Submission<unknown>["reply"]>;

// A failed submission goes back with what the user typed (less secrets) and a 4xx status.
export function invalid(submission: Submission<unknown>, hideFields: string[] = []) {
  return data({ result: submission.reply({ hideFields }) as Reply }, { status: 400 });
}

// Turns an application error into a form-level message; anything else is a real failure.
export function fromAppError(error: unknown, submission: Submission<unknown>, hideFields: string[] = []) {
  if (error instanceof AppError) {
    return data({ result: submission.reply({ formErrors: [error.label], hideFields }) as Reply }, { status: error.status });
  }
  throw error;
}
