import { startFakeResend } from "../fixtures/fake-resend";

// The fake Resend of `npm run bench:digest`, in a process of its own so that receiving 10,000 mails
// over HTTP is not counted in the digest builder's memory. Reports its URL, then counts on request.
const fake = await startFakeResend({ light: true });
process.send?.({ type: "ready", url: fake.url });
process.on("message", (message: { type?: string }) => {
  if (message?.type !== "stats") return;
  const recipients = new Set(fake.deliveries.map((d) => d.to));
  const batches = fake.requests.filter((r) => r.path === "/emails/batch");
  process.send?.({
    type: "stats",
    deliveries: fake.deliveries.length,
    recipients: recipients.size,
    batchRequests: batches.length,
    failed: fake.requests.filter((r) => r.status !== 200).length,
  });
});
process.on("disconnect", () => void fake.close().then(() => process.exit(0)));
