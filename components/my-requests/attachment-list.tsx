// Files on the case page, each a download through /api/attachments/{id} (which checks who asks).
import { getFormatter, getTranslations } from "next-intl/server";

export async function AttachmentList({ files }: { files: Array<{ id: string; fileName: string; size: number }> }) {
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
  return (
    <ul className="thread__attachments">
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
            {t("attachment", { name: file.fileName, size: size(file.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}
