import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES, TEMPLATE_SAMPLES, buildMail, type MailLocale, type TemplateName, type TemplateProps } from "../../emails";
import { renderTemplate } from "../../emails/render";

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
  "award-notice": {
    props: {
      orgName: "中原智算", scenarioTitle: "防汛知识库", scenarioCode: "JB-2025-0042", stage: "proposed", noticeEndsAt: "2025-08-07",
      scenarioUrl: "https://jiebang.example.cn/scenarios/JB-2025-0042",
    },
    link: "https://jiebang.example.cn/scenarios/JB-2025-0042",
  },
  "not-selected": {
    props: {
      orgName: "中原智算", scenarioTitle: "防汛知识库", scenarioCode: "JB-2025-0042", shortlisted: false, score: "78.5", rank: "3 / 6",
      criteria: [{ name: "技术方案", own: "7", average: "8", max: "10" }], justifications: ["专家 1 · 技术方案：缺少压力测试方案。"],
      proposalUrl: "https://jiebang.example.cn/vendor/proposals/JB-2025-0042",
    },
    link: "https://jiebang.example.cn/vendor/proposals/JB-2025-0042",
  },
  "objection-received": {
    props: {
      audience: "objector", scenarioTitle: "防汛知识库", scenarioCode: "JB-2025-0042", reference: "YY-7", receivedAt: "2025-08-03",
      answerBy: "2025-08-10", url: "https://jiebang.example.cn/objections/YY-7",
    },
    link: "https://jiebang.example.cn/objections/YY-7",
  },
  "objection-answered": {
    props: {
      scenarioTitle: "防汛知识库", scenarioCode: "JB-2025-0042", reference: "YY-7", stage: "dismissed", answer: "资质材料真实有效。", reason: "经核实异议不成立。",
      url: "https://jiebang.example.cn/objections/YY-7",
    },
    link: "https://jiebang.example.cn/objections/YY-7",
  },
  "milestone-update": {
    props: {
      kind: "returned", scenarioTitle: "防汛知识库", scenarioCode: "JB-2025-0042", milestone: "一期上线", orgName: "中原智算",
      reason: "缺少并发测试数据。", dueAt: "2025-10-15", url: "https://jiebang.example.cn/delivery/m1",
    },
    link: "https://jiebang.example.cn/delivery/m1",
  },
  "gate-decision": {
    props: {
      orgName: "中原智算", scenarioTitle: "多式联运调度", scenarioCode: "JB-2025-0057", gate: "第一阶段", advanced: true,
      reason: "时延降低 23%。", url: "https://jiebang.example.cn/scenarios/JB-2025-0057",
    },
    link: "https://jiebang.example.cn/scenarios/JB-2025-0057",
  },
  digest: {
    props: {
      frequency: "daily", periodLabel: "2025-07-01",
      groups: [{
        sector: "防灾减灾",
        items: [{
          code: "JB-2025-0042", title: "防汛知识库", department: "郑州市水利局", budget: "100 – 200", deadline: "2025-07-30",
          url: "https://jiebang.example.cn/scenarios/JB-2025-0042", notRelevantUrl: "https://jiebang.example.cn/not-relevant/t1",
          amended: true, reasons: [{ kind: "search", name: "防汛" }, { kind: "recommended", terms: ["防汛"], sectors: ["防灾减灾"], tags: [], cases: [] }],
        }],
      }],
      more: 2,
      closing: [{ code: "JB-2025-0031", title: "内涝识别", deadline: "2025-07-05", url: "https://jiebang.example.cn/scenarios/JB-2025-0031" }],
      subscriptions: [{ name: "防汛", unsubscribeUrl: "https://jiebang.example.cn/unsubscribe/s1" }],
      manageUrl: "https://jiebang.example.cn/vendor/searches",
      unsubscribeUrl: "https://jiebang.example.cn/unsubscribe/all",
    },
    link: "https://jiebang.example.cn/not-relevant/t1",
  },
};

/** Every string inside a value (the data a template shows as it is, in whatever language it was written). */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

const locales: MailLocale[] = ["zh-CN", "en"];
const hasHan = /\p{Script=Han}/u;

async function renderCase<N extends TemplateName>(name: N, locale: MailLocale) {
  const { props, link } = cases[name];
  const { html, text, subject } = await renderTemplate(name, props, locale);
  return { html, text, subject, link, props };
}

describe("mail templates", () => {
  it("covers every registered template", () => {
    expect(Object.keys(cases).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  for (const name of TEMPLATE_NAMES) {
    for (const locale of locales) {
      it(`${name} renders in ${locale}`, async () => {
        const { html, text, subject, link, props } = await renderCase(name, locale);

        expect(subject.trim()).not.toBe("");
        expect(subject.startsWith(locale === "en" ? "[Jiebang]" : "【揭榜】")).toBe(true);
        expect(html).toContain(`lang="${locale}"`);
        expect(html).toContain(`href="${link}"`);
        expect(html).toContain("揭榜 Jiebang");
        expect(html).toContain("Noto Sans CJK SC");
        expect(text.trim()).not.toBe("");
        expect(text).toContain(link);
        expect(text).not.toContain("<");
        // The body copy follows the locale (the data shown — names, titles, answers — stays as written).
        let copy = text.replaceAll("揭榜", "");
        for (const value of stringsOf(props).sort((a, b) => b.length - a.length)) copy = copy.replaceAll(value, "");
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

  it("milestone-update words each kind differently: reasons when returned, the date when due or overdue", async () => {
    const base = cases["milestone-update"].props;
    const subjects = new Set<string>();
    const texts: Record<string, string> = {};
    for (const kind of ["submitted", "accepted", "returned", "reminder", "overdue"] as const) {
      const { element, subject } = buildMail("milestone-update", { ...base, kind, reason: kind === "returned" ? base.reason : undefined }, "zh-CN");
      subjects.add(subject);
      texts[kind] = await render(element, { plainText: true });
    }
    expect(subjects.size).toBe(5);
    expect(texts.returned).toContain("缺少并发测试数据。");
    expect(texts.accepted).not.toContain("退回理由");
    expect(texts.reminder).toContain("2025-10-15");
    expect(texts.overdue).toContain("截止日期：2025-10-15");
  });

  it("has sample data for every template, in every variant", async () => {
    for (const name of TEMPLATE_NAMES) {
      expect(TEMPLATE_SAMPLES[name].length).toBeGreaterThan(0);
      for (const sample of TEMPLATE_SAMPLES[name]) {
        for (const locale of locales) {
          const { html, text, subject } = await renderTemplate(name, sample.props as TemplateProps<typeof name>, locale);
          expect(subject, `${name} ${sample.label}`).not.toBe("");
          expect(html).toContain(`lang="${locale}"`);
          expect(text.trim()).not.toBe("");
        }
      }
    }
  });

  it("digest: grouped items with why, not-relevant links, closing deadlines and every unsubscribe link, in HTML and text", async () => {
    const props = cases.digest.props;
    for (const locale of locales) {
      const { html, text, subject } = await renderTemplate("digest", props, locale);
      // Listed items plus the ones left out.
      expect(subject).toContain("3");
      for (const part of [html, text]) {
        expect(part).toContain("防灾减灾");
        expect(part).toContain("https://jiebang.example.cn/not-relevant/t1");
        expect(part).toContain("https://jiebang.example.cn/unsubscribe/s1");
        expect(part).toContain("https://jiebang.example.cn/unsubscribe/all");
        expect(part).toContain("https://jiebang.example.cn/scenarios/JB-2025-0031");
        expect(part).toContain(locale === "en" ? "saved search “防汛”" : "订阅“防汛”");
        expect(part).toContain(locale === "en" ? "matched terms 防汛" : "匹配词 防汛");
      }
    }
  });

  it("shows an unsubscribe link only when one is given", async () => {
    const base = cases["scenario-update"].props;
    const withLink = buildMail("scenario-update", { ...base, unsubscribeUrl: "https://jiebang.example.cn/u/abc" }, "zh-CN");
    expect(await render(withLink.element)).toContain('href="https://jiebang.example.cn/u/abc"');
    const without = buildMail("verify-email", cases["verify-email"].props, "zh-CN");
    expect(await render(without.element, { plainText: true })).not.toContain("退订");
  });
});
