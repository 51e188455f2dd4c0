import type { Stage } from "./stages";

/**
 * The plans' targets the statistics are placed against, with their exact figures and sources as
 * the seed policy texts state them. `measure` says which platform count stands for the target and
 * `scope` which scenarios count (Zhengzhou's plan: Zhengzhou's own units; Henan's: the province).
 */
export type PlanTarget = {
  id: string;
  figure: number;
  measure: Stage;
  scope: "zhengzhou" | "henan";
  by: string; // the end of the plan's period, YYYY-MM-DD
  source: { zh: string; en: string; issuer: { zh: string; en: string }; date: string; docNo?: string; quote: { zh: string; en: string } };
};

export const PLAN_TARGETS: PlanTarget[] = [
  {
    id: "zz-deep-integration-scenarios",
    figure: 20,
    measure: "awarded",
    scope: "zhengzhou",
    by: "2025-12-31",
    source: {
      zh: "《郑州市场景驱动人工智能创新发展行动方案（2025—2027年）》",
      en: "Action Plan for Scenario-Driven AI Innovation and Development in Zhengzhou (2025–2027)",
      issuer: { zh: "郑州市人民政府办公室", en: "General Office of the Zhengzhou Municipal People's Government" },
      date: "2025-06-24",
      quote: {
        zh: "至2025年底……形成20个深度融合应用场景",
        en: "By the end of 2025 … 20 deep integration application scenarios will be formed",
      },
    },
  },
  {
    id: "ha-typical-cases",
    figure: 100,
    measure: "delivered",
    scope: "henan",
    by: "2026-12-31",
    source: {
      zh: "《河南省推动“人工智能+”行动计划（2024—2026年）》",
      en: "Henan Province Action Plan for Promoting \"AI+\" (2024–2026)",
      issuer: { zh: "河南省人民政府办公厅", en: "General Office of the Henan Provincial People's Government" },
      date: "2024-10-23",
      docNo: "豫政办〔2024〕64号",
      quote: {
        zh: "到2026年年底……形成……100个左右示范引领典型案例",
        en: "By the end of 2026 … about 100 leading demonstration typical cases",
      },
    },
  },
];

/** Scenarios of Zhengzhou's own units: every district but the provincial level and other cities. */
export const NOT_ZHENGZHOU_DISTRICTS = ["henan", "jiyuan"];
