import type { CurrentUser } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import type { DeliveryTeamKey } from "./delivery-access.server";
import { appFailure, fail, listField, zodFailure } from "./delivery-forms.server";
import { reportGate } from "./gate-commands.server";
import { submitEvidence } from "./milestone-commands.server";
import { EvidenceSchema, GateReportSchema } from "./schema";

/** The team's delivery page action, by intent: evidence for a milestone, or a gate report. */
export async function vendorDeliveryAction(user: CurrentUser, team: DeliveryTeamKey, form: FormData, files: File[]) {
  const back = `/vendor/delivery/${team.code}`;
  switch (form.get("intent")) {
    case "evidence": {
      const formId = `evidence-${form.get("milestoneId")}`;
      const parsed = EvidenceSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return zodFailure(formId, form, parsed.error);
      try {
        await submitEvidence(user, team, parsed.data, files);
      } catch (error) {
        return appFailure(formId, form, error);
      }
      return redirectWithToast(back, { kind: "success", message: "dl.toast.submitted" });
    }
    case "gateReport": {
      const formId = `report-${form.get("gateId")}`;
      const parsed = GateReportSchema.safeParse({ ...Object.fromEntries(form), values: listField(form, "values") });
      if (!parsed.success) return zodFailure(formId, form, parsed.error);
      try {
        await reportGate(user, team, parsed.data, files);
      } catch (error) {
        return appFailure(formId, form, error);
      }
      return redirectWithToast(back, { kind: "success", message: "dl.toast.reported" });
    }
    default:
      return fail("", form, { "": ["error.badRequest"] });
  }
}
