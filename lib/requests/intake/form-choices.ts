// The choices a request form offers, from the current privacy statement: the data categories
// (Art. 15), the processing one can object to (Art. 21(1): based on Art. 6(1)(e) or (f)), and the
// processing based on consent (Art. 7(3)).
import type { Locale } from "../../i18n/locales";
import { dataCategories, entriesForRequestType } from "../../privacy";
import type { FormChoices } from "./validate-request-form";

export interface LabelledChoice {
  id: string;
  label: string;
  hint?: string;
}

export interface LabelledChoices {
  categories: LabelledChoice[];
  processing: LabelledChoice[];
  consents: LabelledChoice[];
}

export function labelledFormChoices(locale: Locale): LabelledChoices {
  return {
    categories: dataCategories().map((c) => ({ id: c.id, label: c.label[locale], hint: c.description?.[locale] })),
    processing: entriesForRequestType("objection").map((e) => ({ id: e.id, label: e.name[locale] })),
    consents: entriesForRequestType("consent_withdrawal").map((e) => ({ id: e.id, label: e.name[locale] })),
  };
}

export function formChoices(): FormChoices {
  const labelled = labelledFormChoices("en");
  const ids = (list: LabelledChoice[]) => list.map((c) => c.id);
  return {
    categories: ids(labelled.categories),
    processing: ids(labelled.processing),
    consents: ids(labelled.consents),
  };
}
