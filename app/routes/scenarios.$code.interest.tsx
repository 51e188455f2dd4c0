import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs } from "@remix-run/node";
import { setInterest } from "~/modules/questions/interest.server";
import { InterestSchema } from "~/modules/questions/schema";
import { getScenarioRefByCode } from "~/modules/questions/question-queries.server";
import { isPublic } from "~/modules/scenarios/scenario-status";
import { AppError, invariantResponse } from "~/utils/errors.server";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

// Resource route for the 关注/取消关注 button on /scenarios/:code. Following twice changes nothing.

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const ref = await getScenarioRefByCode(params.code ?? "");
  invariantResponse(ref && isPublic(ref), 404);
  const submission = parseWithZod(await request.formData(), { schema: InterestSchema });
  invariantResponse(submission.status === "success", 400);
  const follow = submission.value.intent === "follow";
  try {
    await setInterest(user, ref.id, follow);
  } catch (error) {
    if (error instanceof AppError) throw new Response(error.label, { status: error.status });
    throw error;
  }
  return redirectWithToast(`/scenarios/${ref.code}`, { kind: "success", message: follow ? "qa.toast.followed" : "qa.toast.unfollowed" });
}
