import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";

// Flash messages travel in a short-lived cookie so they survive the redirect on every server.
const toastCookie = createCookie("jb_toast", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

const ToastSchema = z.object({ kind: z.enum(["success", "info", "error"]).default("success"), message: z.string().max(300) });
export type Toast = z.infer<typeof ToastSchema>;

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(toast));
  return redirect(url, { ...init, headers });
}

export async function readToast(request: Request): Promise<{ toast: Toast | null; clearCookie: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  // Most pages come without one; the schema would build an issue to say so.
  if (raw === null || raw === undefined) return { toast: null, clearCookie: null };
  const parsed = ToastSchema.safeParse(raw);
  if (!parsed.success) return { toast: null, clearCookie: raw ? await toastCookie.serialize("", { maxAge: 0 }) : null };
  return { toast: parsed.data, clearCookie: await toastCookie.serialize("", { maxAge: 0 }) };
}
