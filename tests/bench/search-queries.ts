// A fixed mix of 200 searches: Chinese and English terms, alone and with filters. Each is a URL
// query string, so the same request drives the raw Meilisearch call and the app's page.
const TERMS = [
  "", "水位", "防汛", "影像", "医疗影像辅助诊断", "处方", "病虫害", "甲骨文", "停车", "多式联运", "大模型", "无人机",
  "知识图谱", "质检", "矿山", "12345", "教育", "文旅", "LLM", "UAV", "flood", "parking", "logistics", "medical imaging", "crop",
];
const FILTERS = [
  "", "sector=healthcare", "sector=disaster_prevention", "district=zhengdong", "mechanism=horse_race", "budget=200w_500w",
  "status=published&status=closed", "tag=llm", "sort=newest", "sort=deadline&deadline=30d",
];

export function searchQueries(): string[] {
  const queries: string[] = [];
  for (let i = 0; queries.length < 200; i++) {
    const term = TERMS[i % TERMS.length]!;
    const filter = FILTERS[Math.floor(i / TERMS.length) % FILTERS.length]!;
    const params = new URLSearchParams(filter);
    if (term) params.set("q", term);
    queries.push(params.toString());
  }
  return queries;
}
