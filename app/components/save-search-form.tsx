import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FREQUENCIES, MANAGE_PATH } from "~/modules/digests/digest-shared";
import { useT } from "~/utils/i18n";
import { ErrorList, FormErrors } from "./forms";

// The same rules as the server's (saved-searches.server.ts), for messages before the round trip.
const ClientSchema = z.object({
  intent: z.literal("create"),
  name: z.string({ required_error: "dg.error.name" }).trim().min(1, "dg.error.name").max(60, "dg.error.name"),
  frequency: z.enum(FREQUENCIES),
  query: z.string().max(2000).default(""),
});


/**
 * "Save this search" on the scenario search page: the current URL state, a name and a frequency. A
 * plain POST form beside (never inside) the GET search form, so it works without JavaScript; an error
 * comes back with what was typed.
 */
export function SaveSearchForm({ query, suggestedName, lastResult }: { query: string; suggestedName: string; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "save-search",
    lastResult,
    defaultValue: { intent: "create", name: suggestedName, frequency: "daily", query },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ClientSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <details className="card save-search" open={!!lastResult}>
      <summary>{t("dg.save.title")}</summary>
      <p className="muted small">{t("dg.save.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="query" value={query} />
        <div className="field">
          <label htmlFor={fields.name.id}>{t("dg.save.name")}</label>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} maxLength={60} />
          <ErrorList id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.frequency.id}>{t("dg.save.frequency")}</label>
          <select {...getSelectProps(fields.frequency)} key={fields.frequency.key}>
            {FREQUENCIES.map((f) => <option key={f} value={f}>{t(`dg.freq.${f}`)}</option>)}
          </select>
        </div>
        <p className="actions">
          <button type="submit" className="btn" disabled={busy}>{t("dg.save.submit")}</button>{" "}
          <Link to={MANAGE_PATH} className="small">{t("dg.save.manage")}</Link>
        </p>
      </Form>
    </details>
  );
}

export function SaveSearchLogin({ href }: { href: string }) {
  const t = useT();
  return <p className="muted small save-search"><Link to={href}>{t("dg.save.login")}</Link></p>;
}
