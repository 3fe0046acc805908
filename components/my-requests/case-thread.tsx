// The messages between the subject and the privacy team, oldest first, with their
// attachments (downloaded through /api/attachments/{id}, which checks who asks). The team's
// open question is the page's call to action: here it is only pointed to, so it appears once.
import { getTranslations } from "next-intl/server";
import { getPortalFormat } from "@/lib/i18n/get-portal-format";
import type { ThreadMessage } from "@/lib/requests/my-request";
import { AttachmentList } from "./attachment-list";

/** The thread; `openQuestionId` names the message shown above as the open question (a link stands in for its words). */
export async function CaseThread({
  thread,
  openQuestionId,
}: {
  thread: ThreadMessage[];
  openQuestionId: string | null;
}) {
  const [t, format] = await Promise.all([getTranslations("caseThread"), getPortalFormat()]);
  if (thread.length === 0) return <p data-testid="thread-empty">{t("empty")}</p>;
  return (
    <ol className="thread" data-testid="thread">
      {thread.map((message) => (
        <li
          key={message.id}
          className={`thread__message thread__message--${message.direction}`}
          data-direction={message.direction}
        >
          <p className="thread__meta">
            <strong>{message.direction === "inbound" ? t("you") : t("team")}</strong>{" "}
            <time dateTime={message.at.toISOString()}>{format.dateTime(message.at)}</time>
          </p>
          {message.id === openQuestionId ? (
            <p className="thread__body">
              <a href="#question-title">{t("questionAbove")}</a>
            </p>
          ) : (
            <p className="thread__body">{message.body}</p>
          )}
          {message.attachments.length > 0 ? (
            <>
              <p className="thread__attachments-title">{t("attachments")}</p>
              <AttachmentList files={message.attachments} />
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
