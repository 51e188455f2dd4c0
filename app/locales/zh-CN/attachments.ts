// 附件 / Attachments. "att." = interface and errors.
export const attachments = {
  "att.amendHint": "场景已发布：上传附件即发布一次变更，生成新版本并通知关注、提问或正在申报的揭榜单位。",
  "att.title": "附件",
  "att.none": "暂无附件。",
  "att.download": "下载",
  "att.upload": "上传附件",
  "att.file": "选择文件",
  "att.hint": "PDF、Word、Excel、PowerPoint、图片（PNG/JPEG）、文本（TXT/Markdown/CSV），单个文件不超过 20 MB。",
  "att.toast.uploaded": "附件已上传。",
  "att.failed": "附件未能上传",
  "att.back": "← 返回",
  "att.noFile": "请选择要上传的文件。",
  "att.empty": "文件为空。",
  "att.tooLarge": "文件过大：单个附件不超过 20 MB。",
  "att.typeNotAllowed": "不支持该文件类型。允许：PDF、Word、Excel、PowerPoint、PNG/JPEG 图片、TXT/Markdown/CSV 文本。",
  "att.contentMismatch": "文件内容与扩展名不符，已拒绝。请上传真实的文件。",
  "att.targetNotAllowed": "无法向此处上传附件：对象不存在、不属于您的单位，或当前状态不允许添加附件。",
};
