import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { MAX_ATTACHMENT_BYTES, uploadPostBytes } from "~/modules/attachments/file-type";
import { AppError } from "~/utils/errors.server";
import { VERIFICATION_DOCUMENT_KINDS } from "./verification-documents";

/**
 * The verification page's three forms: an upload (multipart, the file and its kind), a removal and a
 * new request after a rejection (plain forms). Every way a post can be wrong is an AppError with a
 * 4xx status and a message for the page, never a 500.
 */

// Room for the other fields and the multipart framing on top of the file itself.

const id = z.string().trim().min(1).max(64);
export const VerificationIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("upload"), kind: z.enum(VERIFICATION_DOCUMENT_KINDS, { message: "vd.error.kind" }) }),
  z.object({ intent: z.literal("remove"), documentId: id }),
  z.object({ intent: z.literal("resubmit") }),
]);
export type VerificationIntent = z.infer<typeof VerificationIntentSchema>["intent"];

/** The posted form; a file larger than the attachment limit is stopped while it streams (413). */
export async function readVerificationForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    try {
      return await request.formData();
    } catch {
      throw new AppError("error.badRequest", 400);
    }
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > uploadPostBytes(1)) throw new AppError("att.tooLarge", 413);
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new AppError("att.tooLarge", 413);
    throw new AppError("error.badRequest", 400);
  }
}

/** The intent and its fields; the first problem as a message key (the kind's own, or a generic one). */
export function parseVerificationIntent(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = VerificationIntentSchema.safeParse({ intent: text("intent"), kind: text("kind"), documentId: text("documentId") });
  if (parsed.success) return parsed.data;
  const kindIssue = parsed.error.issues.find((i) => i.path[0] === "kind");
  throw new AppError(kindIssue ? "vd.error.kind" : "error.badRequest", 400);
}

/** The uploaded file, or a clear 400 when none was chosen. */
export function uploadedFile(form: FormData): File {
  const file = form.get("file");
  if (!(file instanceof File) || file.name === "") throw new AppError("att.noFile", 400);
  return file;
}
