import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/modules/attachments/attachments.server";
import { openEvaluatorFile } from "~/modules/evaluation/evaluator-files.server";
import { invariantResponse } from "~/utils/errors.server";
import { requireRole } from "~/utils/permissions.server";

/**
 * A proposal's file for an evaluator, through their assignment (404 for anyone it does not give the
 * proposal to). In blind review the name is neutral ("附件 1.pdf") and the headers carry nothing
 * else about the file: no original name, no upload time, no uploader, no validators (ETag,
 * Last-Modified). Always a download, never cached by shared caches.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  const id = params.attachmentId ?? "";
  invariantResponse(/^[a-z0-9]{8,40}$/i.test(id), 404);
  const opened = await openEvaluatorFile(user.id, params.assignmentId ?? "", id);
  invariantResponse(opened, 404);
  const { file, stream } = opened;
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": file.mimeType.startsWith("text/") ? `${file.mimeType}; charset=utf-8` : file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
