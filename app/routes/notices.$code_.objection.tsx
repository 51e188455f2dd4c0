import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
  type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { ObjectionThread } from "~/components/objection-thread";
import { MAX_ATTACHMENT_BYTES, MAX_EVIDENCE_FILES, uploadPostBytes } from "~/modules/attachments/file-type";
import { getNotice, objectionsOfOrg } from "~/modules/awards/award-queries.server";
import { ObjectionSchema } from "~/modules/awards/award-schema";
import { fileObjection, objectorOrg } from "~/modules/awards/objection-commands.server";
import { isWithinNotice } from "~/modules/awards/notice-period";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { requireUser } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.code} 提出异议 Objection · 揭榜 Jiebang` : "揭榜 Jiebang" }];

// 提出异议：公示期内，递交了申报的单位成员在线提出（事实和理由，可附证据）；本单位的异议及答复、处理结果也在此查看。
// Filing an objection during the notice period (members of an organisation that submitted a proposal),
// and the thread of one's own organisation's objections. Multipart, works without JavaScript.
async function load(request: Request, code: string | undefined) {
  const user = await requireUser(request);
  const notice = await getNotice(code ?? "");
  invariantResponse(notice, 404);
  const orgId = await objectorOrg(user, notice.scenario.id);
  return { user, notice, orgId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, notice, orgId } = await load(request, params.code);
  const current = notice.decisions[0]!;
  return {
    code: notice.scenario.code,
    title: notice.scenario.title,
    open: isWithinNotice(current, new Date()),
    orgName: orgId ? user.memberships.find((m) => m.orgId === orgId)?.org.name ?? "" : null,
    mine: orgId ? await objectionsOfOrg(notice.scenario.id, orgId) : [],
    maxFiles: MAX_EVIDENCE_FILES,
  };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const { user, notice } = await load(request, params.code);
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > uploadPostBytes(MAX_EVIDENCE_FILES)) throw new Response("error.tooLarge", { status: 413 });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new Response("att.tooLarge", { status: 413 });
    throw new Response("error.badRequest", { status: 400 });
  }
  const submission = parseWithZod(form, { schema: ObjectionSchema });
  if (submission.status !== "success") return invalid(submission);
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.name !== "" && f.size > 0);
  try {
    await fileObjection(user, notice.scenario.id, { grounds: submission.value.grounds, files });
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(`/notices/${notice.scenario.code}/objection`, { kind: "success", message: "ob.toast.filed" });
}

export default function ObjectionRoute() {
  const t = useT();
  const { code, title, open, orgName, mine, maxFiles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "objection", lastResult: actionData?.result, onValidate: ({ formData }) => parseWithZod(formData, { schema: ObjectionSchema }), shouldValidate: "onBlur" });
  return (
    <>
      <p className="meta-row"><Link to={`/notices/${code}`}>{t("ob.back")}</Link><span className="scenario-code">{code}</span></p>
      <h1>{t("ob.page.title", { n: title })}</h1>
      {orgName === null ? <p className="status-banner" role="note">{t("ob.notEligible")}</p> : !open ? <p className="status-banner" role="note">{t("ob.closed")}</p> : (
        <section className="card" aria-labelledby="object-title">
          <h2 id="object-title">{t("nc.object")}</h2>
          <p>{t("ob.intro")}</p>
          <p>{t("ob.asOrg", { n: orgName })}</p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <TextareaField label={t("ob.grounds")} {...getTextareaProps(fields.grounds)} rows={6} errors={fields.grounds.errors} />
            <div className="field">
              <label htmlFor="objection-files">{t("ob.files")}</label>
              <input id="objection-files" type="file" name="files" multiple data-max={maxFiles} />
            </div>
            <div className="actions"><button type="submit" className="btn btn-primary">{t("ob.submit")}</button></div>
          </Form>
        </section>
      )}
      {orgName !== null ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t("ob.mine")}</h2>
          {mine.length === 0 ? <p className="muted">{t("ob.none")}</p> : mine.map((o) => <ObjectionThread key={o.id} o={o} />)}
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
