import { getCollectionProps, getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { issueTexts, Req } from "~/components/scenario-form";
import { PastCaseEditor } from "~/components/past-case-editor";
import { ProfileSchema, type ProfileFormShape } from "~/modules/organisations/profile-schema";
import { getProfileForEdit, profileFormDefaults, updateProfile } from "~/modules/organisations/profile.server";
import { verificationState } from "~/modules/organisations/verification-documents";
import { DISTRICTS, SECTORS, TECH_TAGS, label, type CatalogEntry } from "~/modules/scenarios/catalog";
import { toResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "编辑能力画像 Edit capability profile · 揭榜 Jiebang" }];

// The member edits the organisation requireRole picked (honours ?org= for members of several).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const org = await getProfileForEdit(user, user.membership.orgId).catch((error: unknown) => {
    throw toResponse(error);
  });
  return {
    org: { id: org.id, name: org.name },
    verification: { state: verificationState(org), documents: org._count.verificationDocuments },
    defaults: profileFormDefaults(org),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const submission = parseWithZod(await request.formData(), { schema: ProfileSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateProfile(user, user.membership.orgId, submission.value);
  } catch (error) {
    // A stale token (409) comes back with everything typed, plus the message to reload.
    return fromAppError(error, submission);
  }
  const url = new URL(request.url);
  return redirectWithToast(`/vendor/profile${url.search}`, { kind: "success", message: "pf.toast.saved" });
}

function CheckboxList({ field, list, legend }: { field: FieldMetadata<string[] | undefined>; list: readonly CatalogEntry[]; legend: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checkbox-list">
        {getCollectionProps(field, { type: "checkbox", options: list.map((e) => e.key) }).map(({ key, ...props }) => (
          <label key={key}><input {...props} /> {label(list, props.value, locale)}</label>
        ))}
      </div>
      <ErrorList errors={issueTexts(t, field.errors)} />
    </fieldset>
  );
}

export default function VendorProfileEditRoute() {
  const t = useT();
  const { org, verification, defaults } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm<ProfileFormShape>({
    id: "vendor-profile",
    lastResult: actionData?.result,
    defaultValue: defaults as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  return (
    <section aria-labelledby="profile-title">
      <p className="meta-row">
        <Link to="/vendor">{t("pf.back")}</Link>
        <Link to={`/vendors/${org.id}`}>{t("pf.viewPublic")}</Link>
      </p>
      <h1 id="profile-title">{t("pf.title")}</h1>
      <p className="muted">{org.name} · {t("pf.intro")}</p>
      <p className="meta-row">
        <span className={`badge ${verification.state === "verified" ? "badge-verified" : verification.state === "rejected" ? "badge-missing" : ""}`}>
          {t(`adm.verify.state.${verification.state}`)}
        </span>
        <Link to={`/vendor/profile/verification${search}`}>{t("vd.linkWithCount", { count: verification.documents })}</Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="scenario-form">
        <FormErrors errors={errs(form.errors)} />
        <input {...getInputProps(fields.updatedAt, { type: "hidden" })} />
        <fieldset>
          <legend>{t("pf.sec.about")}</legend>
          <TextareaField label={<Req>{t("pf.f.intro")}</Req>} hint={t("pf.h.intro")} {...getTextareaProps(fields.intro)} rows={6} maxLength={2000} errors={errs(fields.intro.errors)} />
          <TextareaField label={t("pf.f.introEn")} {...getTextareaProps(fields.introEn)} lang="en" rows={4} errors={errs(fields.introEn.errors)} />
          <div className="form-grid">
            <Field label={t("pf.f.teamSize")} {...getInputProps(fields.teamSize, { type: "number" })} min={1} step={1} inputMode="numeric" errors={errs(fields.teamSize.errors)} />
            <Field label={t("pf.f.website")} hint={t("pf.h.website")} {...getInputProps(fields.website, { type: "url" })} errors={errs(fields.website.errors)} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("pf.sec.capabilities")}</legend>
          <CheckboxList field={fields.sectors} list={SECTORS} legend={t("pf.f.sectors")} />
          <CheckboxList field={fields.techTags} list={TECH_TAGS} legend={t("pf.f.techTags")} />
          <CheckboxList field={fields.districts} list={DISTRICTS} legend={t("pf.f.districts")} />
          <TextareaField label={t("pf.f.products")} hint={t("pf.h.products")} {...getTextareaProps(fields.products)} rows={4} errors={errs(fields.products.errors)} />
          <TextareaField label={t("pf.f.certifications")} hint={t("pf.h.certifications")} {...getTextareaProps(fields.certifications)} rows={3} errors={errs(fields.certifications.errors)} />
        </fieldset>
        <fieldset>
          <legend>{t("pf.sec.cases")}</legend>
          <PastCaseEditor form={form} list={fields.pastCases} />
        </fieldset>
        <fieldset>
          <legend>{t("pf.sec.contact")}</legend>
          <p className="field-hint">{t("pf.h.contact")}</p>
          <div className="form-grid">
            <Field label={t("pf.f.contactName")} {...getInputProps(fields.contactName, { type: "text" })} maxLength={60} errors={errs(fields.contactName.errors)} />
            <Field label={t("pf.f.contactPhone")} {...getInputProps(fields.contactPhone, { type: "tel" })} errors={errs(fields.contactPhone.errors)} />
            <Field label={t("pf.f.contactEmail")} {...getInputProps(fields.contactEmail, { type: "email" })} errors={errs(fields.contactEmail.errors)} />
          </div>
        </fieldset>
        <div className="actions form-actions-sticky">
          <button type="submit" className="btn" disabled={busy}>{t("pf.save")}</button>
          <Link to="/vendor" className="btn btn-secondary">{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
