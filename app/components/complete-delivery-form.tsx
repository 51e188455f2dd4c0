import { Form } from "@remix-run/react";
import { DeliveryCaseFields } from "~/components/delivery-case-fields";
import { ErrorList } from "~/components/forms";
import type { FormFailure } from "~/modules/delivery/delivery-forms.server";
import { useT } from "~/utils/i18n";

/**
 * Shown on the department's delivery page when nothing is left open but the scenario is still in
 * delivery: a horse race whose last gate was decided after the last acceptance. Completing it takes
 * the same case text the last acceptance would have asked for.
 */
export function CompleteDeliveryForm({ kpis, failure }: { kpis: string[]; failure?: FormFailure }) {
  const t = useT();
  return (
    <Form method="post" aria-labelledby="complete-delivery-title" className="card">
      <h2 id="complete-delivery-title">{t("dl.complete.title")}</h2>
      <input type="hidden" name="intent" value="complete" />
      <ErrorList errors={failure?.errors[""]} />
      <DeliveryCaseFields kpis={kpis} failure={failure} hint={t("dl.complete.intro")} />
      <button type="submit" className="btn btn-primary">{t("dl.complete.submit")}</button>
    </Form>
  );
}
