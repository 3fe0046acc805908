// The messages between the subject and the privacy team, oldest first, with their
// attachments (downloaded through /api/attachments/{id}, which checks who asks).
import { getFormatter, getTranslations } from "next-intl/server";
import type { ThreadMessage } from "@/lib/requests/my-request";

export async function CaseThread({ thread }: { thread: ThreadMessage[] }) {
  const [t, format] = await Promise.all([getTranslations("caseThread"), getFormatter()]);
  const size = (bytes: number) => {
    const [value, unit] =
      bytes < 1024
        ? [bytes, "byte"]
        : bytes < 1024 * 1024
          ? [bytes / 1024, "kilobyte"]
          : [bytes / 1024 ** 2, "megabyte"];
    return format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 });
  };
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
            <time dateTime={message.at.toISOString()}>
              {format.dateTime(message.at, { dateStyle: "long", timeStyle: "short" })}
            </time>
          </p>
          <p className="thread__body">{message.body}</p>
          {message.attachments.length > 0 ? (
            <>
              <p className="thread__attachments-title">{t("attachments")}</p>
              <ul className="thread__attachments">
                {message.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={`/api/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
                      {t("attachment", { name: file.fileName, size: size(file.size) })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
