import type { MessageKey } from "./i18n";

// The one error type services throw; routes and the root boundary turn it into a response.
export class AppError extends Error {
  constructor(
    public readonly label: MessageKey,
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 = 400,
    public readonly context: Record<string, unknown> = {},
  ) {
    super(label);
    this.name = "AppError";
  }
}

export function invariantResponse(condition: unknown, status: 400 | 403 | 404 = 404, label?: MessageKey): asserts condition {
  if (!condition) {
    throw new Response(label ?? (status === 404 ? "error.notFound" : status === 403 ? "error.forbidden" : "error.badRequest"), { status });
  }
}

export function toResponse(error: unknown): Response {
  if (error instanceof AppError) return new Response(error.label, { status: error.status });
  throw error;
}
