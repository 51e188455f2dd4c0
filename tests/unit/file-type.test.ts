import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, checkFile, cleanFilename, extensionOf } from "../../app/modules/attachments/file-type";
import { SAMPLES } from "../fixtures/file-samples";

describe("checkFile: allowed types by content", () => {
  it.each([
    ["方案.pdf", SAMPLES.pdf, "application/pdf"],
    ["截图.PNG", SAMPLES.png, "image/png"],
    ["现场照片.jpg", SAMPLES.jpeg, "image/jpeg"],
    ["photo.jpeg", SAMPLES.jpeg, "image/jpeg"],
    ["技术方案.docx", SAMPLES.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["旧版.doc", SAMPLES.ole, "application/msword"],
    ["预算.xls", SAMPLES.ole, "application/vnd.ms-excel"],
    ["说明.md", SAMPLES.textZh, "text/markdown"],
    ["说明.txt", SAMPLES.textZh, "text/plain"],
    ["清单.csv", SAMPLES.csv, "text/csv"],
  ])("%s is accepted as %s", (name, bytes, mimeType) => {
    expect(checkFile(name, bytes)).toEqual({ ok: true, mimeType, extension: extensionOf(name) });
  });

  it("refuses a PNG named .pdf and a PDF named .png", () => {
    expect(checkFile("方案.pdf", SAMPLES.png)).toEqual({ ok: false, error: "att.contentMismatch" });
    expect(checkFile("image.png", SAMPLES.pdf)).toEqual({ ok: false, error: "att.contentMismatch" });
  });

  it("refuses an .exe renamed .pdf, .docx or .txt", () => {
    expect(checkFile("invoice.pdf", SAMPLES.exe)).toMatchObject({ ok: false, error: "att.contentMismatch" });
    expect(checkFile("invoice.docx", SAMPLES.exe)).toMatchObject({ ok: false, error: "att.contentMismatch" });
    // The NUL bytes of a binary make it "not text".
    expect(checkFile("readme.txt", SAMPLES.exe)).toMatchObject({ ok: false, error: "att.contentMismatch" });
  });

  it("refuses a plain ZIP renamed .docx (no [Content_Types].xml)", () => {
    expect(checkFile("方案.docx", SAMPLES.zip)).toMatchObject({ ok: false, error: "att.contentMismatch" });
  });

  it("refuses text that is not UTF-8 (GBK bytes, UTF-16)", () => {
    const gbk = new Uint8Array([0xb7, 0xbd, 0xb0, 0xb8]); // 方案 in GBK: not valid UTF-8
    expect(checkFile("方案.txt", gbk)).toMatchObject({ ok: false, error: "att.contentMismatch" });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3b, 0x67, 0x48, 0x68]);
    expect(checkFile("方案.txt", utf16)).toMatchObject({ ok: false, error: "att.contentMismatch" });
  });

  it("refuses types outside the list, whatever the content", () => {
    expect(checkFile("setup.exe", SAMPLES.exe)).toEqual({ ok: false, error: "att.typeNotAllowed" });
    expect(checkFile("page.html", SAMPLES.textZh)).toEqual({ ok: false, error: "att.typeNotAllowed" });
    expect(checkFile("archive.zip", SAMPLES.zip)).toEqual({ ok: false, error: "att.typeNotAllowed" });
    expect(checkFile("no-extension", SAMPLES.pdf)).toEqual({ ok: false, error: "att.typeNotAllowed" });
  });

  it("refuses empty and oversized files", () => {
    expect(checkFile("a.pdf", new Uint8Array())).toEqual({ ok: false, error: "att.empty" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(SAMPLES.pdf);
    expect(checkFile("a.pdf", big)).toEqual({ ok: false, error: "att.tooLarge" });
    const limit = new Uint8Array(MAX_ATTACHMENT_BYTES);
    limit.set(SAMPLES.pdf);
    expect(checkFile("a.pdf", limit).ok).toBe(true);
  });
});

describe("cleanFilename", () => {
  it("keeps Chinese names, drops paths and control characters", () => {
    expect(cleanFilename("郑州市防汛方案（终稿）.pdf")).toBe("郑州市防汛方案（终稿）.pdf");
    expect(cleanFilename("C:\\Users\\王\\方案.pdf")).toBe("方案.pdf");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("a\u0000b\r\n.pdf")).toBe("ab.pdf");
  });

  it("shortens long names but keeps the extension", () => {
    const name = cleanFilename(`${"长".repeat(300)}.docx`);
    expect(name.length).toBeLessThanOrEqual(180);
    expect(name.endsWith(".docx")).toBe(true);
  });
});
