import type { SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";

export type AutosaveReply = { ok: true; version: number; savedAt: string } | { result: SubmissionResult<string[]> };

const AUTOSAVE_DELAY_MS = 1500;
const AUTOSAVE_RETRY_MS = 300;

/**
 * Autosave for a versioned form (proposal drafts, score sheets): after a pause in typing the form is
 * posted with intent=autosave through a fetcher; the reply's version goes into the hidden version
 * input so the next save does not collide with this one. Without JavaScript nothing of this runs.
 */
export function useAutosave(version: number, editable: boolean) {
  const fetcher = useFetcher<AutosaveReply>();
  const formRef = useRef<HTMLFormElement>(null);
  const versionRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    if (versionRef.current) versionRef.current.value = String(version);
  }, [version]);
  useEffect(() => {
    const reply = fetcher.data;
    if (reply && "ok" in reply) {
      if (versionRef.current) versionRef.current.value = String(reply.version);
      setSavedAt(reply.savedAt);
    }
  }, [fetcher.data]);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The timer reads the fetcher's state when it fires, not when it was set: typing just after an
  // autosave happens while that save's revalidation is still loading, and a state read then would skip
  // the new text for good.
  const fetcherState = useRef(fetcher.state);
  fetcherState.current = fetcher.state;

  // A save still on its way delays this one until it is back (and the version has moved on), rather
  // than dropping it.
  function autosaveWhenIdle() {
    if (!formRef.current) return;
    if (fetcherState.current !== "idle") {
      timer.current = setTimeout(autosaveWhenIdle, AUTOSAVE_RETRY_MS);
      return;
    }
    const data = new FormData(formRef.current);
    data.set("intent", "autosave");
    fetcher.submit(data, { method: "post" });
  }

  function scheduleAutosave() {
    if (!editable) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(autosaveWhenIdle, AUTOSAVE_DELAY_MS);
  }

  // An explicit save or submit cancels a pending autosave, so both never post the same version.
  // Only a real one: Conform revalidates a field on input through a submit event of its own (its
  // intent button), and cancelling on that would stop autosave once the form has shown an error.
  function cancelOnRealSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter || submitter.name !== "__intent__") clearTimeout(timer.current);
  }

  // While an autosave is on its way the form's version is about to change: a save or submit posted now
  // would carry the old one and be refused as a conflict, so the buttons wait for it.
  const saving = fetcher.state !== "idle";
  return { formRef, versionRef, savedAt, saving, failed: !!fetcher.data && "result" in fetcher.data, scheduleAutosave, cancelOnRealSubmit };
}
