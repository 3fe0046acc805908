export interface NoticePreviewText {
  title: string;
  hint: string;
  subject: string;
}

/** A notice as the data subject reads it (its text part), rendered on the server with sample values. */
export function NoticePreview({
  preview,
  text,
  note,
}: {
  preview: { subject: string; text: string };
  text: NoticePreviewText;
  note?: string | null;
}) {
  return (
    <section className="notice-preview" aria-labelledby="notice-preview-title" data-testid="notice-preview">
      <h2 id="notice-preview-title">{text.title}</h2>
      <p className="muted">{text.hint}</p>
      {note ? (
        <p role="status" className="notice-preview__note">
          {note}
        </p>
      ) : null}
      <p>
        <strong>{text.subject}:</strong> <span data-testid="notice-preview-subject">{preview.subject}</span>
      </p>
      <pre className="notice-preview__text" data-testid="notice-preview-text">
        {preview.text}
      </pre>
    </section>
  );
}
