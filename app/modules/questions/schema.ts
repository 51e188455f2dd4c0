import { z } from "zod";

// One schema per form (DESIGN §4.2); messages are locale keys, translated where shown.
const REQUIRED = { required_error: "qv.bodyShort", invalid_type_error: "qv.bodyShort" };

export const AskSchema = z.object({
  body: z.string(REQUIRED).trim().min(5, "qv.bodyShort").max(2000, "qv.tooLong"),
});

export const AnswerSchema = z.object({
  questionId: z.string().min(1).max(64),
  answer: z.string({ required_error: "qv.answerShort" }).trim().min(2, "qv.answerShort").max(5000, "qv.tooLong"),
});

export const InterestSchema = z.object({ intent: z.enum(["follow", "unfollow"]) });
