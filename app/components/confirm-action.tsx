import type { ReactNode } from "react";
import { useT } from "~/utils/i18n";

// A destructive action asks before it acts, with or without JavaScript: the first click opens a
// <details> that says what will happen; only the button inside it (the form's real submit) acts.
// Reloading or following the page's links closes it again.
export function ConfirmAction({ label, question, children, className }: {
  /** What the closed control says, e.g. 撤回申报. */
  label: string;
  /** What will happen, asked as a question. */
  question: ReactNode;
  /** The form whose submit button performs the action. */
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  return (
    <details className={`confirm-action ${className ?? ""}`}>
      <summary className="btn btn-danger">{label}</summary>
      <div className="confirm-panel" role="group" aria-label={t("confirm.title")}>
        <p className="confirm-question">{question}</p>
        {children}
      </div>
    </details>
  );
}
