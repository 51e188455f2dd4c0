import { translateMaybe, useT } from "~/utils/i18n";

export function ToastBanner({ toast }: { toast: { kind: "success" | "info" | "error"; message: string } }) {
  const t = useT();
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <div className="container">{translateMaybe(t, toast.message)}</div>
    </div>
  );
}
