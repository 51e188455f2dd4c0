import type { attachments as zh } from "../zh-CN/attachments";

export const attachments: Record<keyof typeof zh, string> = {
  "att.amendHint": "This scenario is published: uploading a file publishes an amendment — a new version, announced to the vendors who saved, asked about or are preparing a proposal for it.",
  "att.title": "Attachments",
  "att.none": "No attachments.",
  "att.download": "Download",
  "att.upload": "Upload attachment",
  "att.file": "Choose a file",
  "att.hint": "PDF, Word, Excel, PowerPoint, images (PNG/JPEG), text (TXT/Markdown/CSV); at most 20 MB per file.",
  "att.toast.uploaded": "Attachment uploaded.",
  "att.failed": "The attachment was not uploaded",
  "att.back": "← Back",
  "att.noFile": "Choose a file to upload.",
  "att.empty": "The file is empty.",
  "att.tooLarge": "The file is too large: 20 MB at most per attachment.",
  "att.typeNotAllowed": "This file type is not accepted. Allowed: PDF, Word, Excel, PowerPoint, PNG/JPEG images, TXT/Markdown/CSV text.",
  "att.contentMismatch": "The file's content does not match its extension, so it was refused. Upload the real file.",
  "att.targetNotAllowed": "You cannot attach files here: it does not exist, does not belong to your organisation, or its status does not allow new files.",
};
