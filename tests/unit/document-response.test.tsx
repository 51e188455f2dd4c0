import { Writable } from "node:stream";
import { Suspense, lazy } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { documentResponse, renderStreamed } from "~/utils/document-response.server";
import { wholeBodyOf } from "~/utils/whole-body.server";

// entry.server.tsx's streamed fallback: the whole document in one body with its declared length,
// after everything the render waits for, without the NUL bytes React's streaming renderer leaves
// where a Chinese character straddles two of its 2 KB chunks.
const PARAGRAPH = "郑州市人工智能应用场景机会清单，面向政府部门与人工智能企业开放揭榜。";
const Page = ({ children }: { children?: React.ReactNode }) => (
  <html lang="zh-CN">
    <body>
      {Array.from({ length: 120 }, (_, i) => <p key={i}>{`${i}${i % 3 ? "。" : ""}${PARAGRAPH}`}</p>)}
      {children}
    </body>
  </html>
);

async function rawStream(element: React.ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()), final: (done) => (resolve(Buffer.concat(chunks)), done()) });
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject });
  });
}

describe("renderStreamed", () => {
  it("sends the document whole: declared length, no NUL, no replacement character, the same markup", async () => {
    // The case is real: React's own stream of this page has NUL bytes in it.
    expect((await rawStream(<Page />)).indexOf(0)).not.toBe(-1);

    const response = await renderStreamed(<Page />, { nonce: "n", status: 200, headers: new Headers(), abortDelayMs: 5000 });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const bytes = wholeBodyOf(response)!;
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.indexOf(0)).toBe(-1);
    const html = bytes.toString("utf8");
    expect(html).not.toContain("\uFFFD");
    expect(html).toBe(`<!DOCTYPE html>${renderToString(<Page />)}`);
  });

  it("waits for what the page suspends on before it sends anything", async () => {
    const Late = lazy(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { default: () => <p>已加载的内容</p> };
    });
    const response = await renderStreamed(<Page><Suspense fallback={<p>加载中</p>}><Late /></Suspense></Page>, {
      nonce: "n", status: 200, headers: new Headers(), abortDelayMs: 5000,
    });
    const html = wholeBodyOf(response)!.toString("utf8");
    expect(html).toContain("已加载的内容");
    expect(html).not.toContain("加载中");
  });
});

describe("documentResponse", () => {
  it("keeps the page's bytes for the edge, with their length, and builds no body stream", () => {
    const html = `<!DOCTYPE html><html lang="zh-CN"><body><p>${PARAGRAPH}</p></body></html>`;
    const response = documentResponse(html, 404, new Headers({ "Cache-Control": "private, no-store" }));
    expect(response.status).toBe(404);
    expect(response.body).toBeNull();
    expect(wholeBodyOf(response)!.toString("utf8")).toBe(html);
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(html));
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
