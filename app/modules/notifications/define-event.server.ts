import type { Prisma } from "~/generated/prisma/client";
import type { Locale, MessageKey, Translate } from "~/utils/i18n";
import type { TemplateName, TemplateProps } from "./mail.server";
import type { EventData, EventName } from "./events";

/** What the fan-out knows of each recipient. */
export type Recipient = { id: string; email: string; name: string; locale: string };

/** One recipient as the text builders see them: in their own language, with its translator. */
export type Reader = { recipient: Recipient; locale: Locale; t: Translate };

type Vars = Record<string, string | number>;

/**
 * One entry of the event registry: everything the worker needs to announce one event.
 *
 * - `load` reads what the texts and the audience need (C); `null` means there is nothing to announce
 *   (the record is gone), and the fan-out ends quietly.
 * - `audience` says WHO hears about it, as a condition on users, so the worker can walk it in pages
 *   of any size and a user matched twice (e.g. asker and follower) is still one recipient.
 * - `occurrence` names this occurrence when one entity has several (amendment v2, v3 …); with the event
 *   name and the user id it makes the key that keeps notification and mail to one per person.
 * - `notification` gives the in-app text as message keys (app/locales), `mail` the React Email template
 *   and its props. Both are built per recipient, in the recipient's language.
 */
export type EventDefinition<E extends EventName, C, N extends TemplateName> = {
  event: E;
  occurrence?: (entityId: string, data: EventData<E>) => string;
  load: (entityId: string, data: EventData<E>) => Promise<C | null>;
  audience: (ctx: C) => Prisma.UserWhereInput;
  link: (ctx: C) => string;
  /** Stored on the Notification for the pages that list them. */
  data?: (ctx: C) => Prisma.InputJsonValue;
  notification: { title: MessageKey; body: MessageKey; vars: (ctx: C, reader: Reader) => Vars };
  mail?: { template: N; props: (ctx: C, reader: Reader) => TemplateProps<N> };
};

/** Keeps each definition's types exact while the registry holds them side by side. */
export function defineEvent<E extends EventName, C, N extends TemplateName>(definition: EventDefinition<E, C, N>) {
  return definition;
}

/** `<event>:<occurrence>:<userId>`: Notification.dedupeKey and Mail.idempotencyKey alike. */
export function dedupeKey(event: string, occurrence: string, userId: string): string {
  return `${event}:${occurrence}:${userId}`;
}
