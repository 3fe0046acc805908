// The request's files, each a download through /api/attachments/{id}, which checks the role's
// "attachment.open" and a recent second factor (lib/attachments/open-attachment.ts).
import { getTranslations } from "next-intl/server";
import type { CaseAttachment } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";

export async function CaseFileLinks({ files, locale }: { files: CaseAttachment[]; locale: "de" | "en" }) {
  const format = portalFormat(locale);
  return (
    <ul className="thread__attachments">
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
            {file.fileName}
          </a>{" "}
          ({format.fileSize(file.size)})
        </li>
      ))}
    </ul>
  );
}

export async function CaseFiles({ files, locale }: { files: CaseAttachment[]; locale: "de" | "en" }) {
  const t = await getTranslations("backofficeCase.files");
  const format = portalFormat(locale);
  return (
    <section aria-labelledby="files-title" className="case-section" data-testid="case-files">
      <h2 id="files-title">{t("title")}</h2>
      <p className="section__intro">{t("intro")}</p>
      {files.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("size")}</th>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("when")}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <td>
                    <a href={`/api/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
                      {file.fileName}
                    </a>
                  </td>
                  <td>{format.fileSize(file.size)}</td>
                  <td>
                    {t(`uploadedBy.${file.uploadedBy}`)}, {file.messageId ? t("withMessage") : t("withForm")}
                  </td>
                  <td>{format.dateTime(file.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
