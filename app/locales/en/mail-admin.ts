import type { mailAdmin as zh } from "../zh-CN/mail-admin";

export const mailAdmin: Record<keyof typeof zh, string> = {
  "mailadmin.link": "Mail delivery",
  "mailadmin.title": "Failed and dead-lettered mail",
  "mailadmin.intro": "Dead letters are mails the provider refused (4xx) or that kept failing until the retries ran out; failed mails hit an error on our side. Fix the cause (an address, the API key), then retry: the mail keeps its idempotency key, so it is never delivered twice.",
  "mailadmin.filter": "Status",
  "mailadmin.filter.all": "All",
  "mailadmin.status.failed": "Failed",
  "mailadmin.status.dead": "Dead letter",
  "mailadmin.col.time": "Time",
  "mailadmin.col.to": "To",
  "mailadmin.col.subject": "Subject",
  "mailadmin.col.status": "Status",
  "mailadmin.col.attempts": "Attempts",
  "mailadmin.col.error": "Error",
  "mailadmin.retry": "Retry",
  "mailadmin.retryLabel": "Retry to {to}: {subject}",
  "mailadmin.empty": "No failed or dead-lettered mail.",
  "mailadmin.toast.retried": "Queued for sending again.",
  "mailadmin.error.notRetryable": "This mail is no longer failed or dead-lettered.",
};
