import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useParams } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { useT } from "~/utils/i18n";
import { AskSchema } from "~/modules/questions/schema";
import { askQuestion } from "~/modules/questions/question-commands.server";
import { getScenarioRefByCode } from "~/modules/questions/question-queries.server";
import { isPublic } from "~/modules/scenarios/scenario-status";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

// The ask form on /scenarios/:code posts here through a fetcher, so with JavaScript a 400 keeps the
// typed question in the form on the page. Without JavaScript the browser lands on this page, which
// shows the form again with the message and the text. The success redirect has no #fragment: a hash-only
// change of the current URL would skip the loaders, and with them the toast and the list.

// Also a page of its own (a bookmark or a no-JS round trip). It must not redirect: after a refused
// POST, Remix runs this loader to render the form with the message.
export async function loader({ params }: LoaderFunctionArgs) {
  const ref = await getScenarioRefByCode(params.code ?? "");
  invariantResponse(ref && isPublic(ref), 404);
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const ref = await getScenarioRefByCode(params.code ?? "");
  invariantResponse(ref && isPublic(ref), 404);
  const submission = parseWithZod(await request.formData(), { schema: AskSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await askQuestion(user, ref.id, submission.value.body);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(`/scenarios/${ref.code}`, { kind: "success", message: "qa.toast.asked" });
}

export default function AskQuestionAgain() {
  const t = useT();
  const { code } = useParams();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "ask-question-page", lastResult: actionData?.result });
  return (
    <section className="card narrow" aria-labelledby="ask-title">
      <p><Link to={`/scenarios/${code}`}>{t("common.back")}</Link></p>
      <h1 id="ask-title">{t("qa.ask.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextareaField label={t("qa.ask.label")} hint={t("qa.ask.hint")} rows={4} {...getTextareaProps(fields.body)} errors={fields.body.errors} />
        <button type="submit" className="btn">{t("qa.ask.submit")}</button>
      </Form>
    </section>
  );
}
