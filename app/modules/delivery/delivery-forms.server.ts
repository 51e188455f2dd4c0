import {
  MaxPartSizeExceededError, data, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
} from "@remix-run/node";
import type { ZodError } from "zod";
import { MAX_ATTACHMENT_BYTES, MAX_EVIDENCE_FILES, uploadPostBytes } from "~/modules/attachments/file-type";
import { AppError } from "~/utils/errors.server";

/**
 * The delivery pages carry several small forms (one per milestone or gate), posted without
 * JavaScript. A failure answers 4xx with the form's id, its messages per field and what was typed,
 * so the page re-renders that one form with everything kept.
 */
export type FormFailure = { formId: string; errors: Record<string, string[]>; values: Record<string, string> };


/** Reads a form, multipart (evidence with files) or not; files left empty by the browser are dropped. */
export async function readDeliveryForm(request: Request): Promise<{ form: FormData; files: File[] }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    try {
      return { form: await request.formData(), files: [] };
    } catch {
      throw new Response("error.badRequest", { status: 400 });
    }
  }
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > uploadPostBytes(MAX_EVIDENCE_FILES)) throw new Response("att.tooLarge", { status: 413 });
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
    const files = form.getAll("files").filter((f): f is File => f instanceof File && f.name !== "" && f.size > 0);
    return { form, files };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new Response("att.tooLarge", { status: 413 });
    throw new Response("error.badRequest", { status: 400 });
  }
}

/** What was typed, as strings (files left out), to fill the form again. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !(key in values)) values[key] = value.slice(0, 5000);
  return values;
}

export function fail(formId: string, form: FormData, errors: Record<string, string[]>, status = 400) {
  return data<FormFailure>({ formId, errors, values: typedValues(form) }, { status });
}

export function zodFailure(formId: string, form: FormData, error: ZodError) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    (errors[key || ""] ??= []).push(issue.message);
  }
  return fail(formId, form, errors);
}

/** An application error becomes a form-level message with its own status; anything else is a real failure. */
export function appFailure(formId: string, form: FormData, error: unknown) {
  if (error instanceof AppError) return fail(formId, form, { "": [error.label] }, error.status);
  throw error;
}

/** Turns `values[0]`, `values[1]` … (or repeated `values`) into a list, in order. */
export function listField(form: FormData, name: string): string[] {
  const repeated = form.getAll(name).filter((v): v is string => typeof v === "string");
  if (repeated.length) return repeated;
  const indexed: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const v = form.get(`${name}[${i}]`);
    if (typeof v !== "string") break;
    indexed.push(v);
  }
  return indexed;
}
