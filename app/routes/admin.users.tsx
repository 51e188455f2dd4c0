import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { AdminTable, adminTableLinks } from "~/components/admin-table";
import { badRequest, commandError, runCommand } from "~/modules/admin/command-result.server";
import { readTableState } from "~/modules/admin/table-params";
import { ROLES, USER_STATES } from "~/modules/admin/admin-vocabulary";
import { changeMembershipRole, disableUser, enableUser, listUsers } from "~/modules/admin/user-admin.server";
import { formatDateTime } from "~/utils/format";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "用户与成员 Users · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];
export const links = adminTableLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "user.manage");
  const state = readTableState(new URL(request.url).searchParams, { role: ROLES, state: USER_STATES });
  const result = await listUsers({ q: state.q, page: state.page, role: state.filters.role, state: state.filters.state });
  return { ...state, ...result, me: user.id };
}

const id = z.string().trim().min(1).max(64);
const reason = z.string().trim().min(4, "adm.users.error.reason").max(500, "adm.users.error.reason");
const CommandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable"), userId: id, reason }),
  z.object({ intent: z.literal("enable"), userId: id, reason }),
  z.object({ intent: z.literal("role"), membershipId: id, role: z.enum(ROLES) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "user.manage");
  const parsed = CommandSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return badRequest(parsed.error.issues.find((i) => i.path[0] === "reason")?.message ?? "error.badRequest");
  const c = parsed.data;
  const failed = await runCommand(async () => {
    if (c.intent === "disable") await disableUser(user, c.userId, c.reason);
    else if (c.intent === "enable") await enableUser(user, c.userId, c.reason);
    else await changeMembershipRole(user, c.membershipId, c.role);
  });
  if (failed) return commandError(failed);
  const url = new URL(request.url);
  return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: `adm.users.toast.${c.intent}` as const });
}

export default function AdminUsers() {
  const t = useT();
  const locale = useLocale();
  const { q, page, pages, total, rows, filters, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  const post = `/admin/users${search}`;
  return (
    <section aria-labelledby="users-title">
      <p><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="users-title">{t("adm.users.title")}</h1>
      <p className="muted">{t("adm.users.intro")}</p>
      {actionData?.error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, actionData.error)}</p></div> : null}
      <AdminTable
        label={t("adm.users.title")} q={q} searchLabel={t("adm.users.search")} page={page} pages={pages} total={total}
        filters={[
          { name: "role", label: t("adm.users.role"), value: filters.role, options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
          { name: "state", label: t("adm.users.state"), value: filters.state, options: USER_STATES.map((s) => ({ value: s, label: t(`adm.users.state.${s}`) })) },
        ]}
      >
        <table>
          <caption className="visually-hidden">{t("adm.users.title")}</caption>
          <thead>
            <tr><th scope="col">{t("adm.users.user")}</th><th scope="col">{t("adm.users.memberships")}</th><th scope="col">{t("adm.users.state")}</th><th scope="col">{t("common.actions")}</th></tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <strong>{u.name}</strong><div>{u.email}</div>
                  <div className="muted small">{t("adm.users.since", { date: formatDateTime(u.createdAt, locale) })} · {t("adm.users.sessions", { n: u._count.sessions })}</div>
                </td>
                <td>
                  <ul className="plain-list">
                    {u.memberships.map((m) => (
                      <li key={m.id}>
                        {m.org.name} · {t(`role.${m.role}`)}
                        {m.roles.length > 1 ? (
                          <Form method="post" action={post} className="admin-inline-form">
                            <input type="hidden" name="membershipId" value={m.id} />
                            <label className="visually-hidden" htmlFor={`role-${m.id}`}>{t("adm.users.roleFor", { name: u.name, org: m.org.name })}</label>
                            <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                              {m.roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                            </select>
                            <button type="submit" name="intent" value="role" className="btn btn-secondary btn-small">{t("adm.users.changeRole")}</button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {u.disabledAt ? (
                    <><span className="badge">{t("adm.users.state.disabled")}</span><div className="small">{u.disabledReason}</div></>
                  ) : <span className="badge">{t("adm.users.state.active")}</span>}
                </td>
                <td>
                  {u.id === me ? <span className="muted small">{t("adm.users.you")}</span> : (
                    <Form method="post" action={post} className="admin-inline-form">
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="visually-hidden" htmlFor={`reason-${u.id}`}>{t("adm.users.reasonFor", { name: u.name })}</label>
                      <input id={`reason-${u.id}`} type="text" name="reason" required minLength={4} maxLength={500} placeholder={t("adm.users.reason")} />
                      {u.disabledAt ? (
                        <button type="submit" name="intent" value="enable" className="btn btn-secondary btn-small">{t("adm.users.enable")}</button>
                      ) : (
                        <button type="submit" name="intent" value="disable" className="btn btn-danger btn-small" aria-label={t("adm.users.disableLabel", { name: u.name })}>{t("adm.users.disable")}</button>
                      )}
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminTable>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
