// Strings of the row editor (app/components/row-editor.tsx), shared by every repeating field.
// {list} is the name of the list (e.g. 评审指标), {n} the 1-based row number.
export const rowEditor = {
  "row.add": "添加一行",
  "row.addTo": "在「{list}」末尾添加一行",
  "row.remove": "删除",
  "row.removeRow": "删除「{list}」第 {n} 行",
  "row.moveUp": "上移「{list}」第 {n} 行",
  "row.moveDown": "下移「{list}」第 {n} 行",
  "row.number": "第 {n} 行",
  "row.label": "第 {n} 行 ",
  "row.count": "{count} / {max} 行",
} as const;
