import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import type { QuestionView, ScenarioQa } from "~/modules/questions/question-queries.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { FormErrors, TextareaField } from "./forms";

type AskResult = { result: SubmissionResult<string[]> };

/** 关注 / 取消关注 for a vendor organisation; hidden from everyone else (the action checks again). */
export function ScenarioFollowButton({ code, qa }: { code: string; qa: ScenarioQa }) {
  const t = useT();
  const fetcher = useFetcher();
  if (!qa.vendor) return null;
  const following = qa.vendor.following;
  return (
    <fetcher.Form method="post" action={`/scenarios/${code}/interest`} className="inline-form">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <button type="submit" className="btn btn-secondary" aria-pressed={following} disabled={fetcher.state !== "idle"}>
        {t(following ? "qa.unfollow" : "qa.follow")}
      </button>
      {following ? <span className="muted small"> {t("qa.following")}</span> : null}
    </fetcher.Form>
  );
}

function QuestionItem({ q }: { q: QuestionView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li id={`qa-${q.id}`} className="qa-item">
      <p><strong>{t("qa.question")}：</strong>{q.body}</p>
      {q.answer ? <p><strong>{t("qa.answer")}：</strong>{q.answer}</p> : null}
      <p className="muted small">
        {t("qa.askedAt", { date: formatDateTime(q.createdAt, locale) })}
        {q.answeredAt ? ` · ${t("qa.answeredAt", { date: formatDateTime(q.answeredAt, locale) })}` : ` · ${t("qa.pending")}`}
      </p>
    </li>
  );
}

function AskForm({ code }: { code: string }) {
  const t = useT();
  // A fetcher keeps the form on this page: a refused question comes back with its text and message.
  const fetcher = useFetcher<AskResult>();
  // Validated on the server only: with client-side onValidate, conform blocked the resubmission of a
  // fetcher form after one invalid attempt (seen in e2e). The round trip is one small POST.
  const [form, fields] = useForm({
    id: "ask-question",
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
  });
  return (
    <fetcher.Form method="post" action={`/scenarios/${code}/questions`} {...getFormProps(form)}>
      <h3>{t("qa.ask.title")}</h3>
      <FormErrors errors={form.errors} />
      <TextareaField
        label={t("qa.ask.label")} hint={t("qa.ask.hint")} rows={4}
        {...getTextareaProps(fields.body)} errors={fields.body.errors}
      />
      <button type="submit" className="btn" disabled={fetcher.state !== "idle"}>{t("qa.ask.submit")}</button>
    </fetcher.Form>
  );
}

/** The Q&A section of the public scenario page: public answers (never the asker), own pending questions, the ask form. */
export function ScenarioQuestions({ code, qa }: { code: string; qa: ScenarioQa }) {
  const t = useT();
  const location = useLocation();
  return (
    <section className="card" id="qa" aria-labelledby="qa-title">
      <h2 id="qa-title">{t("qa.title")}</h2>
      <p className="muted">{t("qa.intro")}</p>
      {qa.answered.length === 0 ? <p>{t("qa.empty")}</p> : (
        <ol className="qa-list">{qa.answered.map((q) => <QuestionItem key={q.id} q={q} />)}</ol>
      )}
      {qa.pending.length > 0 ? (
        <>
          <h3>{t("qa.pendingTitle")}</h3>
          <ol className="qa-list">{qa.pending.map((q) => <QuestionItem key={q.id} q={q} />)}</ol>
        </>
      ) : null}
      {qa.vendor?.canAsk ? <AskForm code={code} /> : null}
      {qa.vendor && !qa.vendor.canAsk ? <p className="muted">{t("qa.ask.closed")}</p> : null}
      {!qa.signedIn && qa.open ? (
        <p className="muted"><Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("qa.ask.login")}</Link></p>
      ) : null}
    </section>
  );
}
