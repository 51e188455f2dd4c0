import { redirectWithToast } from "~/utils/toast.server";
import { db } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { appFailure, fail, listField, zodFailure } from "./delivery-forms.server";
import { completeReadyDelivery } from "./completion.server";
import { declareGate, decideGate } from "./gate-commands.server";
import { acceptMilestone, returnMilestone } from "./milestone-commands.server";
import { AcceptSchema, CompleteSchema, GateDecideSchema, GateDeclareSchema, ReturnSchema } from "./schema";
import { startDelivery } from "./start-delivery.server";

type Key = { id: string; departmentId: string };

/**
 * The department delivery page's one action, by intent: start (awarded → in_delivery, when the award
 * finalisation did not already), accept, return, declare a gate, decide a gate, and complete a
 * delivery that was left ready by a gate decided last (the case text, as on the last acceptance).
 */
export async function departmentDeliveryAction(user: CurrentUser, key: Key, form: FormData) {
  const back = `/department/scenarios/${key.id}/delivery`;
  const intent = form.get("intent");
  const actor = { id: user.id, context: user.context };
  try {
    switch (intent) {
      case "start": {
        await db.$transaction((tx) => startDelivery(tx, key.id, actor));
        return redirectWithToast(back, { kind: "success", message: "dl.toast.started" });
      }
      case "accept": {
        const parsed = AcceptSchema.safeParse({ ...Object.fromEntries(form), results: listField(form, "results") });
        const formId = `accept-${form.get("milestoneId")}`;
        if (!parsed.success) return zodFailure(formId, form, parsed.error);
        try {
          const { completed } = await acceptMilestone(user, key, parsed.data);
          return redirectWithToast(back, { kind: "success", message: completed ? "dl.toast.completed" : "dl.toast.accepted" });
        } catch (error) {
          return appFailure(formId, form, error);
        }
      }
      case "return": {
        const parsed = ReturnSchema.safeParse(Object.fromEntries(form));
        const formId = `return-${form.get("milestoneId")}`;
        if (!parsed.success) return zodFailure(formId, form, parsed.error);
        try {
          await returnMilestone(user, key, parsed.data);
        } catch (error) {
          return appFailure(formId, form, error);
        }
        return redirectWithToast(back, { kind: "success", message: "dl.toast.returned" });
      }
      case "declareGate": {
        const raw = Object.fromEntries(form);
        const parsed = GateDeclareSchema.safeParse({ ...raw, continuing: raw.continuing === "" || raw.continuing == null ? undefined : Number(raw.continuing) });
        if (!parsed.success) return zodFailure("declare-gate", form, parsed.error);
        try {
          await declareGate(user, key, parsed.data);
        } catch (error) {
          return appFailure("declare-gate", form, error);
        }
        return redirectWithToast(back, { kind: "success", message: "dl.toast.gateDeclared" });
      }
      case "decideGate": {
        const parsed = GateDecideSchema.safeParse({ ...Object.fromEntries(form), continuing: form.getAll("continuing") });
        const formId = `decide-${form.get("gateId")}`;
        if (!parsed.success) return zodFailure(formId, form, parsed.error);
        // One reason per team in the form: reason-<proposalId>.
        const decisions = [...form.keys()].filter((k) => k.startsWith("reason-")).map((k) => {
          const proposalId = k.slice("reason-".length);
          return { proposalId, continues: parsed.data.continuing.includes(proposalId), reason: String(form.get(k) ?? "") };
        });
        try {
          const { readyToComplete } = await decideGate(user, key, parsed.data.gateId, decisions);
          return redirectWithToast(back, { kind: "success", message: readyToComplete ? "dl.toast.gateDecidedComplete" : "dl.toast.gateDecided" });
        } catch (error) {
          return appFailure(formId, form, error);
        }
      }
      case "complete": {
        const parsed = CompleteSchema.safeParse({ ...Object.fromEntries(form), results: listField(form, "results") });
        if (!parsed.success) return zodFailure("complete", form, parsed.error);
        try {
          await completeReadyDelivery(user, key, parsed.data);
        } catch (error) {
          return appFailure("complete", form, error);
        }
        return redirectWithToast(back, { kind: "success", message: "dl.toast.completed" });
      }
      default:
        return fail("", form, { "": ["error.badRequest"] });
    }
  } catch (error) {
    return appFailure(String(intent ?? ""), form, error);
  }
}
