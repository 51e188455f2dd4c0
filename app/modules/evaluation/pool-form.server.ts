import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { AppError } from "~/utils/errors.server";
import { fromAppError } from "~/utils/forms.server";

type Reply = ReturnType<Submission<unknown>["reply"]>;

/**
 * A failed profile save back to the form. An organisation name shared by several organisations is
 * marked on the rows that need a credit code (not only at the top), with everything typed kept.
 */
export function profileSaveError(error: unknown, submission: Submission<unknown>) {
  if (error instanceof AppError && error.label === "ep.v.orgAmbiguous") {
    const rows = Array.isArray(error.context.rows) ? (error.context.rows as number[]) : [];
    const fieldErrors = Object.fromEntries(rows.map((i) => [`affiliations[${i}].org`, ["ep.v.orgAmbiguous"]]));
    return data({ result: submission.reply({ fieldErrors }) as Reply }, { status: 400 });
  }
  return fromAppError(error, submission);
}
