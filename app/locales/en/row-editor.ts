import type { rowEditor as zh } from "../zh-CN/row-editor";

export const rowEditor: Record<keyof typeof zh, string> = {
  "row.add": "Add a row",
  "row.addTo": "Add a row to “{list}”",
  "row.remove": "Remove",
  "row.removeRow": "Remove row {n} of “{list}”",
  "row.moveUp": "Move row {n} of “{list}” up",
  "row.moveDown": "Move row {n} of “{list}” down",
  "row.number": "Row {n}",
  "row.label": "Row {n}: ",
  "row.count": "{count} of {max} rows",
};
