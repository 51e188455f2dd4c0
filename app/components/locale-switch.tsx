import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/utils/i18n";

// A plain form so the switch works without JavaScript; the choice is kept in a cookie.
export function LocaleSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <Form method="post" action="/locale" className="locale-switch">
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="btn btn-link" lang={next} aria-label={`${t("locale.label")}: ${t("locale.switch")}`}>
        {t("locale.switch")}
      </button>
    </Form>
  );
}
