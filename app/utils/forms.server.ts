import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { ZodTypeAny } from "zod";
import { AppError } from "./errors.server";

type Reply = ReturnType<Submission<unknown>["reply"]>;

/**
 * A submission that did not go through goes back with what the user typed (less secrets), and with
 * `extra` beside it (what the form needs to show again, such as its choices).
 * A real validation failure is a 400. A row editor's add, remove or move button (a Conform intent:
 * status undefined) is not a failure: without JavaScript it is how the form gets its new row,
 * so it answers 200 and the page re-renders with the rows changed and everything typed kept.
 */
export function invalid<Extra extends object = object>(submission: Submission<unknown>, hideFields: string[] = [], extra?: Extra) {
  const result = submission.reply({ hideFields }) as Reply;
  return data({ result, ...(extra as Extra) }, { status: submission.status === undefined ? 200 : 400 });
}

/**
 * parseWithZod for forms with row editors. Conform throws on a malformed intent (a hand-made
 * `__intent__` value, a list move on a field that is not a list); that is the client's mistake,
 * so it answers 400 instead of failing as a server error.
 */
export function parseForm<Schema extends ZodTypeAny>(formData: FormData, schema: Schema) {
  try {
    return parseWithZod(formData, { schema });
  } catch {
    throw new Response("error.badRequest", { status: 400 });
  }
}

// Turns an application error into a form-level message; anything else is a real failure.
// `extra` goes back beside the result (what the form needs to show again, such as its choices).
export function fromAppError<Extra extends object = object>(error: unknown, submission: Submission<unknown>, hideFields: string[] = [], extra?: Extra) {
  if (error instanceof AppError) {
    return data({ result: submission.reply({ formErrors: [error.label], hideFields }) as Reply, ...(extra as Extra) }, { status: error.status });
  }
  throw error;
}
