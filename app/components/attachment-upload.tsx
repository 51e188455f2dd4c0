import { useId } from "react";
import { ACCEPT_ATTRIBUTE } from "~/modules/attachments/file-type";
import { useT } from "~/utils/i18n";
import { ErrorList } from "./forms";

type Props = { kind: "scenario" | "proposal"; targetId: string; redirectTo: string; error?: string };

/**
 * A plain multipart form (works without JavaScript; reloadDocument so the browser streams the file
 * as is). The return path rides in the URL too, so even a refused oversized body can link back.
 * `accept` only filters the picker; the server checks size and content. A refused file comes back on
 * the upload route with this same form and the reason on the file input (`error`).
 */
export function AttachmentUpload({ kind, targetId, redirectTo, error }: Props) {
  const t = useT();
  const id = useId();
  const action = `/attachments/upload?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <form method="post" action={action} encType="multipart/form-data" className="attachment-upload">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={targetId} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <div className={`field ${error ? "field-invalid" : ""}`}>
        <label htmlFor={id}>{t("att.file")}</label>
        <input id={id} type="file" name="file" required accept={ACCEPT_ATTRIBUTE} aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-errors ${id}-hint` : `${id}-hint`} autoFocus={!!error} />
        <p className="field-hint" id={`${id}-hint`}>{t("att.hint")}</p>
        <ErrorList id={`${id}-errors`} errors={error ? [error] : undefined} />
      </div>
      <button type="submit" className="btn btn-secondary">{t("att.upload")}</button>
    </form>
  );
}
