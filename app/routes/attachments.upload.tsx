import {
  MaxPartSizeExceededError, data, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
  type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { AttachmentUpload } from "~/components/attachment-upload";
import { MAX_ATTACHMENT_BYTES, uploadPostBytes } from "~/modules/attachments/file-type";
import { resolveUploadTarget, saveAttachment } from "~/modules/attachments/attachments.server";
import { addScenarioFile } from "~/modules/scenarios/scenario-commands.server";
import { AppError } from "~/utils/errors.server";
import { translateMaybe, useT } from "~/utils/i18n";
import { requireUser } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "上传附件 Upload attachment · 揭榜 Jiebang" }];

// Room for the other form fields and the multipart framing on top of the file itself.

const TargetSchema = z.object({
  kind: z.enum(["scenario", "proposal"]),
  id: z.string().trim().regex(/^[a-z0-9]{8,40}$/i),
  redirectTo: z.string().optional(),
});

// The form lives on the scenario and proposal pages; this page only renders a refused upload.
// (Remix also runs this loader after the action, so it must not throw.)
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

// A refused file comes back with the upload form itself, its error on the file input, so the user
// picks another file right here; `retry` is set only once the target is known to be theirs.
type Retry = { kind: "scenario" | "proposal"; id: string; redirectTo: string };
type Failure = { error: string; back: string; retry?: Retry };
function fail(error: string, back: string, status: number, retry?: Retry) {
  return data<Failure>({ error, back, retry }, { status });
}

/**
 * Multipart upload, works without JavaScript. On success: back to the page (safeRedirect) with a toast.
 * On a bad file: a 4xx page here that says why and links back — never a 500. The request body is read
 * through a memory handler capped at the limit, so an oversized file is stopped while it streams.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const back = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/dashboard");
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > uploadPostBytes(1)) return fail("att.tooLarge", back, 413);

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail("att.tooLarge", back, 413);
    // Not multipart, or a broken body: the client's fault, not ours.
    return fail("error.badRequest", back, 400);
  }
  const target = TargetSchema.safeParse({ kind: form.get("kind"), id: form.get("id"), redirectTo: form.get("redirectTo") ?? undefined });
  const redirectTo = safeRedirect(target.success ? target.data.redirectTo : undefined, back);
  if (!target.success) return fail("error.badRequest", redirectTo, 400);

  // Unknown, someone else's, or not editable: one answer, so ids of others' work are not confirmed.
  const resolved = await resolveUploadTarget(user, target.data);
  if (!resolved) return fail("att.targetNotAllowed", redirectTo, 404);

  const retry: Retry = { kind: target.data.kind, id: target.data.id, redirectTo };
  const file = form.get("file");
  if (!(file instanceof File) || file.name === "") return fail("att.noFile", redirectTo, 400, retry);
  try {
    if (resolved.asAmendment && resolved.scenarioId) {
      await addScenarioFile(user, { id: resolved.scenarioId, departmentId: resolved.orgId }, file);
    } else {
      await saveAttachment({ orgId: resolved.orgId, scenarioId: resolved.scenarioId, proposalId: resolved.proposalId, uploadedById: user.id, file });
    }
  } catch (error) {
    if (error instanceof AppError) return fail(error.label, redirectTo, error.status, retry);
    throw error;
  }
  return redirectWithToast(redirectTo, { kind: "success", message: "att.toast.uploaded" });
}

export default function UploadFailedRoute() {
  const t = useT();
  const result = useActionData<typeof action>();
  const message = translateMaybe(t, result?.error ?? "error.badRequest");
  return (
    <section aria-labelledby="upload-failed" className="narrow">
      <h1 id="upload-failed">{t("att.failed")}</h1>
      {result?.retry ? (
        <div className="card">
          <AttachmentUpload kind={result.retry.kind} targetId={result.retry.id} redirectTo={result.retry.redirectTo} error={message} />
        </div>
      ) : (
        <div className="form-errors" role="alert"><p>{message}</p></div>
      )}
      <p><Link to={result?.back ?? "/dashboard"}>{t("att.back")}</Link></p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
