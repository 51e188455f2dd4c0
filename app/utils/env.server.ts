import { z } from "zod";

// Parsed once. Every unset service is embedded (Postgres, Meilisearch) or local (mail outbox).
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().default(".data"),
  APP_URL: z.string().url().optional(),
  DATABASE_URL: z.string().min(1),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("揭榜 Jiebang <noreply@jiebang.example.cn>"),
  // The mailto: of digests' List-Unsubscribe header; unsubscribe@ the MAIL_FROM domain when unset.
  MAIL_UNSUBSCRIBE_ADDRESS: z.string().email().optional(),
  SESSION_SECURE_COOKIE: z.enum(["true", "false"]).optional(),
  // How many proxies in front of the web server append to X-Forwarded-For; 0: the header is ignored.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Opt-in to the local mail outbox page (the launcher sets it for the embedded demo); see outbox-access.server.ts.
  ENABLE_DEV_OUTBOX: z.enum(["true", "false"]).optional(),
  // The OCDS ocid prefix this publisher registered with the Open Contracting Partnership (docs/decisions/012).
  // Every ocid is this prefix, a hyphen and the scenario code; change it only before the first publication.
  OCDS_OCID_PREFIX: z.string().regex(/^ocds-[a-z0-9]+$/).default("ocds-jiebang"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
