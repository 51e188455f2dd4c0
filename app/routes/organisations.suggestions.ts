import type { LoaderFunctionArgs } from "@remix-run/node";
import { organisationSuggestions } from "~/modules/evaluation/pool-list.server";
import { ORG_NAME_MAX } from "~/modules/evaluation/pool-schema";
import { can, forbidden, hasRole, requireUser } from "~/utils/permissions.server";

// Organisations matching what is typed as an expert's affiliation (components/affiliation-editor.tsx):
// for the expert editing their own profile and for the admin keeping the pool, nobody else.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!hasRole(user, "evaluator") && !can(user, "evaluator.manage")) forbidden();
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, ORG_NAME_MAX);
  return Response.json({ orgs: await organisationSuggestions(q) }, { headers: { "Cache-Control": "private, max-age=60" } });
}
