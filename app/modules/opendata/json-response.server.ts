import { AppError } from "~/utils/errors.server";
import { translator } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";

// Open data answers in JSON, errors included: a program reading the API gets a message it can show,
// in the reader's language, with the status that says what went wrong.

const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
  // Derived from the database on each request; a minute of caching spares the database a crawler's burst.
  "Cache-Control": "public, max-age=60",
};

export function jsonData(body: unknown): Response {
  return new Response(JSON.stringify(body, null, 2), { headers: HEADERS });
}

export async function jsonError(request: Request, status: number, label: Parameters<ReturnType<typeof translator>>[0]): Promise<Response> {
  const t = translator(await getLocale(request));
  return new Response(JSON.stringify({ error: t(label), status }), { status, headers: { ...HEADERS, "Cache-Control": "no-store" } });
}

/** Runs a loader body; an AppError becomes a JSON error, anything else stays an error. */
export async function openDataResponse(request: Request, build: () => Promise<unknown>): Promise<Response> {
  try {
    const body = await build();
    return body == null ? jsonError(request, 404, "od.notFound") : jsonData(body);
  } catch (error) {
    if (error instanceof AppError) return jsonError(request, error.status, error.label);
    throw error;
  }
}

/** "ocds-jiebang-ZZ-2026-0042.json" → the ocid; anything without the .json ending is not a resource here. */
export function ocidOfFile(file: string | undefined): string | null {
  return file && file.endsWith(".json") ? file.slice(0, -".json".length) : null;
}
