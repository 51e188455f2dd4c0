// The demo accounts the seed creates; printed by `npm start` and listed in the README.
export const DEMO_PASSWORD = "Jiebang-demo-2026";

export const DEMO_LOGINS = [
  { role: "admin", email: "admin@jiebang.example.cn", note: "平台运营 · Platform operator" },
  { role: "officer", email: "officer.health@zz.example.cn", note: "郑州市卫生健康委员会 · department officer" },
  { role: "officer", email: "officer.water@zz.example.cn", note: "郑州市水利局 · department officer" },
  { role: "vendor", email: "vendor@zhongyuan-ai.example.com", note: "AI company member" },
  { role: "institute", email: "lab@zzu-ai.example.edu.cn", note: "research institute member" },
  { role: "evaluator", email: "expert@jiebang.example.cn", note: "评审专家 · evaluator" },
] as const;
