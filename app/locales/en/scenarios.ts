import type { scenarios as zh } from "../zh-CN/scenarios";

export const scenarios: Record<keyof typeof zh, string> = {
};
