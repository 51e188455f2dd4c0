import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition, openAttachmentFor } from "~/modules/attachments/attachments.server";
import { invariantResponse } from "~/utils/errors.server";
import { getCurrentUser } from "~/utils/permissions.server";

/**
 * Download. Published scenario files are public, so the guard is "who is asking" rather than
 * requireUser; canReadAttachment decides. Not allowed and not found look the same (404), so a
 * file id says nothing to someone without access. Always a download (never rendered inline) and
 * never cached by shared caches, since access depends on the session.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const id = params.id ?? "";
  invariantResponse(/^[a-z0-9]{8,40}$/i.test(id), 404);
  const opened = await openAttachmentFor(user, id);
  invariantResponse(opened, 404);
  const { attachment, stream } = opened;
  const textual = attachment.mimeType.startsWith("text/");
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": textual ? `${attachment.mimeType}; charset=utf-8` : attachment.mimeType,
      "Content-Length": String(attachment.size),
      "Content-Disposition": contentDisposition(attachment.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
