// Files on the case page, each a download through /api/attachments/{id} (which checks who asks).
import { getTranslations } from "next-intl/server";
import { getPortalFormat } from "@/lib/i18n/get-portal-format";

export async function AttachmentList({ files }: { files: Array<{ id: string; fileName: string; size: number }> }) {
  const [t, format] = await Promise.all([getTranslations("caseThread"), getPortalFormat()]);
  return (
    <ul className="thread__attachments">
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
            {t("attachment", { name: file.fileName, size: format.fileSize(file.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}
