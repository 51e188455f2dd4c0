import type { OrgType, VerificationDocumentKind } from "~/generated/prisma/enums";
import type { VerificationState } from "~/modules/admin/admin-vocabulary";

/**
 * 认证材料 / Verification documents: the kinds, the files accepted and how many an organisation may
 * keep. Pure, because the organisation's page renders the kind list and the hint in the browser too.
 */
export const VERIFICATION_DOCUMENT_KINDS = [
  "business_licence", "institution_certificate", "authorisation_letter", "other",
] as const satisfies readonly VerificationDocumentKind[];

/** A scan or a photo of a paper certificate: PDF or an image, never an office file someone can edit. */
export const VERIFICATION_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"] as const;
export const VERIFICATION_ACCEPT = VERIFICATION_EXTENSIONS.map((e) => `.${e}`).join(",");

/** Enough for a licence, a certificate, a letter of authorisation and their re-scans; not a file store. */
export const MAX_VERIFICATION_DOCUMENTS = 10;

/** What a company is usually asked for first; a university or institute holds a 事业单位法人证书 instead. */
export function usualKindFor(type: OrgType): VerificationDocumentKind {
  return type === "institute" ? "institution_certificate" : "business_licence";
}

/** "pending" is what an admin still has to decide: not verified and not rejected. */
export function verificationState(org: { verified: boolean; rejectedAt: Date | string | null }): VerificationState {
  return org.verified ? "verified" : org.rejectedAt ? "rejected" : "pending";
}

/** Documents change only while a decision is open or after a rejection; a verified organisation's are kept as they were. */
export function documentsEditable(state: VerificationState): boolean {
  return state !== "verified";
}
