// The part of the OCDS 1.1 release schema this platform fills (tests validate against the official schema).

export type OcdsValue = { amount: number; currency: string };
export type OcdsPeriod = { startDate?: string; endDate?: string; durationInDays?: number };
export type OcdsOrgRef = { id: string; name: string };
export type OcdsParty = {
  id: string;
  name: string;
  identifier?: { scheme: string; id: string; legalName: string };
  address?: { locality?: string; region?: string; countryName?: string };
  roles: string[];
  details?: Record<string, unknown>;
};
export type OcdsDocument = { id: string; documentType: string; title: string; url: string; format: string; language: string; datePublished?: string };
export type OcdsAmendment = { id: string; date: string; rationale: string; description: string; amendsReleaseID?: string; releaseID: string };
export type OcdsMilestone = {
  id: string; title: string; type?: string; description?: string; dueDate?: string; dateMet?: string; dateModified?: string;
  status?: "scheduled" | "met" | "notMet" | "partiallyMet";
};

export type OcdsTender = {
  id: string;
  title?: string;
  description?: string;
  status?: "active" | "complete" | "cancelled" | "unsuccessful";
  finalStatus?: "complete" | "cancelled" | "unsuccessful";
  finalStatusDetails?: string;
  finalStatusDate?: string;
  procuringEntity?: OcdsOrgRef;
  value?: OcdsValue;
  minValue?: OcdsValue;
  procurementMethod?: "open" | "selective" | "limited" | "direct";
  procurementMethodDetails?: string;
  mainProcurementCategory?: "goods" | "services" | "works";
  awardCriteria?: string;
  awardCriteriaDetails?: string;
  eligibilityCriteria?: string;
  datePublished?: string;
  tenderPeriod?: OcdsPeriod;
  enquiryPeriod?: OcdsPeriod;
  hasEnquiries?: boolean;
  numberOfTenderers?: number;
  documents?: OcdsDocument[];
  amendments?: OcdsAmendment[];
  milestones?: OcdsMilestone[];
  items?: Array<{ id: string; description: string; classification?: { scheme: string; id: string; description: string } }>;
};

export type OcdsAward = {
  id: string; title?: string; description?: string; status?: "pending" | "active" | "cancelled" | "unsuccessful";
  date?: string; value?: OcdsValue; suppliers?: OcdsOrgRef[]; contractPeriod?: OcdsPeriod; documents?: OcdsDocument[];
};
export type OcdsContract = {
  id: string; awardID: string; title?: string; status?: "pending" | "active" | "terminated" | "cancelled";
  dateSigned?: string; value?: OcdsValue; period?: OcdsPeriod; implementation?: { milestones?: OcdsMilestone[] };
};

export type OcdsRelease = {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  initiationType: "tender";
  language: string;
  parties?: OcdsParty[];
  buyer?: OcdsOrgRef;
  tender?: OcdsTender;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
};
