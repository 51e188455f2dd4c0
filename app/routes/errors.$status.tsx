import type { LoaderFunctionArgs } from "@remix-run/node";
import { isMessageKey } from "~/utils/i18n";

// The error page the HTTP edge shows in place of a resource route's bare refusal (see
// app/server/friendly-errors.ts): it throws the status, so the app's error boundary renders it.
const KNOWN = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429]);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const status = Number(params.status);
  const reason = new URL(request.url).searchParams.get("reason") ?? "";
  throw new Response(isMessageKey(reason) ? reason : "", { status: KNOWN.has(status) ? status : 404 });
}

export default function ErrorPage() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
