// The text that tells the data subject about an extension (Art. 12(3) GDPR), in
// the request's language. It is recorded with the event; the mail issue sends it.
import { formatDay } from "../../format";

type Language = "de" | "en";

export function extensionNotice(
  language: Language,
  values: { reference: string; due: string; reason: string },
): string {
  const due = formatDay(values.due, language);
  if (language === "de") {
    return [
      `Wir benötigen für Ihre Anfrage ${values.reference} mehr Zeit und verlängern die Frist nach Art. 12 Abs. 3 DSGVO um zwei Monate.`,
      `Sie erhalten unsere Antwort spätestens am ${due}.`,
      `Grund: ${values.reason}`,
    ].join("\n\n");
  }
  return [
    `We need more time for your request ${values.reference} and are extending the period by two months under Art. 12(3) GDPR.`,
    `You will receive our answer by ${due} at the latest.`,
    `Reason: ${values.reason}`,
  ].join("\n\n");
}
