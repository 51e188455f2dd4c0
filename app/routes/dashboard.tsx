import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { homeFor, requireUser } from "~/utils/permissions.server";

// One address after login; each role has its own workspace.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return redirect(homeFor(user));
}
