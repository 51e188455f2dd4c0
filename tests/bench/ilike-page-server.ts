import http from "node:http";
import pg from "pg";

// The baseline the search page is compared with: a plain search page over the same PostgreSQL, the
// way a small site does it without a search engine — ILIKE on title and summary (both languages)
// with its count, newest first, 20 rows rendered as HTML. Runs as its own process so its CPU is its own.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const WHERE = `status = 'published' AND (title ILIKE $1 OR "titleEn" ILIKE $1 OR summary ILIKE $1 OR "summaryEn" ILIKE $1)
  AND ($2::text IS NULL OR sector = $2)`;

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? "/", "http://localhost");
    const q = url.searchParams.get("q") ?? "";
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const sector = url.searchParams.get("sector");
    const [rows, count] = await Promise.all([
      pool.query(`SELECT code, title, summary, deadline FROM "Scenario" WHERE ${WHERE} ORDER BY "publishedAt" DESC, id DESC LIMIT 20`, [like, sector]),
      pool.query(`SELECT count(*)::int AS n FROM "Scenario" WHERE ${WHERE}`, [like, sector]),
    ]);
    const items = rows.rows.map((r) => `<li><a href="/scenarios/${escape(r.code)}">${escape(r.title)}</a><p>${escape(r.summary)}</p><time>${r.deadline.toISOString()}</time></li>`);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>${escape(q)}</title><p>${count.rows[0].n}</p><ol>${items.join("")}</ol>`);
  } catch (error) {
    response.writeHead(500);
    response.end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.({ type: "ilike-ready" }));
process.on("SIGTERM", () => process.exit(0));
