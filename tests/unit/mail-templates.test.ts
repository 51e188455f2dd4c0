import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES, buildMail, type MailLocale, type TemplateName, type TemplateProps } from "../../emails";

// One realistic prop set per template, plus the link each must carry.
const cases: { [N in TemplateName]: { props: TemplateProps<N>; link: string } } = {
  "verify-email": {
    props: { name: "张伟", verifyUrl: "https://jiebang.example.cn/verify-email?token=v123" },
    link: "https://jiebang.example.cn/verify-email?token=v123",
  },
  "reset-password": {
    props: { name: "张伟", resetUrl: "https://jiebang.example.cn/reset-password?token=r456", expiresInMinutes: 30 },
    link: "https://jiebang.example.cn/reset-password?token=r456",
  },
  "account-exists": {
    props: { name: "张伟", loginUrl: "https://jiebang.example.cn/login", forgotUrl: "https://jiebang.example.cn/forgot-password" },
    link: "https://jiebang.example.cn/forgot-password",
  },
  invitation: {
    props: {
      inviterName: "李娜",
      orgName: "杭州市数据资源管理局",
      roleLabel: "管理员",
      acceptUrl: "https://jiebang.example.cn/invitations/i789",
    },
    link: "https://jiebang.example.cn/invitations/i789",
  },
  "scenario-update": {
    props: {
      kind: "amended",
      scenarioTitle: "城市道路病害智能识别",
      scenarioCode: "JB-2025-0042",
      scenarioUrl: "https://jiebang.example.cn/scenarios/JB-2025-0042",
      reason: "根据答疑情况调整截止时间",
      changes: [{ label: "截止时间", before: "2025-07-01", after: "2025-07-15" }],
    },
    link: "https://jiebang.example.cn/scenarios/JB-2025-0042",
  },
  "question-answered": {
    props: {
      scenarioTitle: "城市道路病害智能识别",
      scenarioCode: "JB-2025-0042",
      scenarioUrl: "https://jiebang.example.cn/scenarios/JB-2025-0042",
      question: "是否提供历史巡检图像？",
      answer: "提供脱敏图像二十万张。",
      isAsker: true,
    },
    link: "https://jiebang.example.cn/scenarios/JB-2025-0042",
  },
  "proposal-receipt": {
    props: {
      name: "张伟",
      scenarioTitle: "城市道路病害智能识别",
      scenarioCode: "JB-2025-0042",
      number: 2,
      digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      submittedAt: "2025-07-01T09:00:00.000Z",
      proposalUrl: "https://jiebang.example.cn/vendor/proposals/JB-2025-0042",
    },
    link: "https://jiebang.example.cn/vendor/proposals/JB-2025-0042",
  },
  "evaluation-notice": {
    props: {
      kind: "assigned",
      scenarioTitle: "城市道路病害智能识别",
      scenarioCode: "JB-2025-0042",
      dueAt: "2025/07/15 17:00",
      actionUrl: "https://jiebang.example.cn/evaluator/assignments/a1",
    },
    link: "https://jiebang.example.cn/evaluator/assignments/a1",
  },
  "score-sheet-reopened": {
    props: {
      name: "张伟",
      scenarioTitle: "城市道路病害智能识别",
      scenarioCode: "JB-2025-0042",
      label: "B",
      reason: "评分理由与分值不一致",
      sheetUrl: "https://jiebang.example.cn/evaluator/assignments/a1/proposals/p1",
    },
    link: "https://jiebang.example.cn/evaluator/assignments/a1/proposals/p1",
  },
};

const locales: MailLocale[] = ["zh-CN", "en"];
const hasHan = /\p{Script=Han}/u;

async function renderCase<N extends TemplateName>(name: N, locale: MailLocale) {
  const { props, link } = cases[name];
  const { element, subject } = buildMail(name, props, locale);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text, subject, link };
}

describe("mail templates", () => {
  it("covers every registered template", () => {
    expect(Object.keys(cases).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  for (const name of TEMPLATE_NAMES) {
    for (const locale of locales) {
      it(`${name} renders in ${locale}`, async () => {
        const { html, text, subject, link } = await renderCase(name, locale);

        expect(subject.trim()).not.toBe("");
        expect(subject.startsWith(locale === "en" ? "[Jiebang]" : "【揭榜】")).toBe(true);
        expect(html).toContain(`lang="${locale}"`);
        expect(html).toContain(`href="${link}"`);
        expect(html).toContain("揭榜 Jiebang");
        expect(html).toContain("Noto Sans CJK SC");
        expect(text.trim()).not.toBe("");
        expect(text).toContain(link);
        expect(text).not.toContain("<");
        // The body copy follows the locale (names and org names stay Chinese in both).
        const copy = text.replace(/张伟|李娜|杭州市数据资源管理局|管理员|城市道路病害智能识别|截止时间|根据答疑情况调整截止时间|是否提供历史巡检图像？|提供脱敏图像二十万张。|评分理由与分值不一致|揭榜/g, "");
        expect(hasHan.test(copy)).toBe(locale === "zh-CN");
      });
    }
  }

  it("scenario-update words each kind differently and lists changes", async () => {
    const base = cases["scenario-update"].props;
    const subjects = new Set<string>();
    for (const kind of ["amended", "cancelled", "published"] as const) {
      const { element, subject } = buildMail("scenario-update", { ...base, kind }, "en");
      subjects.add(subject);
      expect(subject).toContain("JB-2025-0042");
      const text = await render(element, { plainText: true });
      expect(text).toContain("2025-07-01");
      expect(text).toContain("2025-07-15");
    }
    expect(subjects.size).toBe(3);
  });

  it("evaluation-notice words each kind differently, with the due date, the decline reason and the work left", async () => {
    const base = cases["evaluation-notice"].props;
    const render3 = async (props: TemplateProps<"evaluation-notice">) => {
      const { element, subject } = buildMail("evaluation-notice", props, "zh-CN");
      return { subject, text: await render(element, { plainText: true }) };
    };
    const assigned = await render3(base);
    const declined = await render3({ ...base, kind: "declined", evaluatorName: "张伟", reason: "近期出差无法参加" });
    const reminder = await render3({ ...base, kind: "reminder", outstanding: 3 });
    expect(new Set([assigned.subject, declined.subject, reminder.subject]).size).toBe(3);
    expect(assigned.text).toContain("2025/07/15 17:00");
    expect(declined.text).toContain("张伟");
    expect(declined.text).toContain("近期出差无法参加");
    expect(reminder.text).toContain("3 份");
  });

  it("shows an unsubscribe link only when one is given", async () => {
    const base = cases["scenario-update"].props;
    const withLink = buildMail("scenario-update", { ...base, unsubscribeUrl: "https://jiebang.example.cn/u/abc" }, "zh-CN");
    expect(await render(withLink.element)).toContain('href="https://jiebang.example.cn/u/abc"');
    const without = buildMail("verify-email", cases["verify-email"].props, "zh-CN");
    expect(await render(without.element, { plainText: true })).not.toContain("退订");
  });
});
