import { z } from "zod";
import { isValidCreditCode } from "~/modules/organisations/credit-code";

// Messages are i18n keys; the form translates them.
const email = z.string({ required_error: "v.required" }).trim().toLowerCase().email("v.email").max(200, "v.tooLong");
const password = z.string({ required_error: "v.required" }).min(10, "v.passwordShort").max(200, "v.tooLong");
const personName = z.string({ required_error: "v.required" }).trim().min(1, "v.required").max(60, "v.tooLong");

function withConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password, confirmPassword: z.string({ required_error: "v.required" }) })
    .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "v.passwordMismatch" });
}

export const SignupSchema = withConfirmation({
  orgType: z.enum(["vendor", "institute"], { required_error: "v.required", invalid_type_error: "v.required" }),
  orgName: z.string({ required_error: "v.required" }).trim().min(2, "v.required").max(100, "v.tooLong"),
  creditCode: z
    .string({ required_error: "v.required" })
    .trim()
    .toUpperCase()
    .refine((v) => isValidCreditCode(v), "v.creditCode"),
  name: personName,
  email,
});

export const LoginSchema = z.object({
  email,
  password: z.string({ required_error: "v.required" }).min(1, "v.required").max(200, "v.tooLong"),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = withConfirmation({ token: z.string().min(10).max(100) });

export const InvitationSchema = z.object({
  email,
  name: personName,
  role: z.enum(["officer", "vendor_member", "evaluator", "admin"], { required_error: "v.required", invalid_type_error: "v.required" }),
  orgId: z.string({ required_error: "v.required" }).min(1, "v.required"),
});

// A member invites a colleague into their own organisation; the role follows from its type.
export const ColleagueInvitationSchema = z.object({ email, name: personName });

export const AcceptInvitationSchema = withConfirmation({ name: personName });
