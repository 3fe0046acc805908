"use client";
// What each right's form asks (the details of lib/requests/details/schemas.ts), one component per
// request type. Field names are the paths of the values they fill (lib/requests/intake/form-fields.ts).
import { useTranslations } from "next-intl";
import type { LabelledChoices } from "@/lib/requests/intake/form-choices";
import { RECTIFICATION_ROWS, type FormValues } from "@/lib/requests/intake/form-fields";
import type { RequestType } from "@/lib/requests/request-types";
import { ChoiceGroup, TextField } from "./fields";

export interface DetailFieldsProps {
  values: FormValues;
  errorText: (field: string) => string | undefined;
  choices: LabelledChoices;
}

const one = (values: FormValues, name: string) => {
  const v = values[name];
  return typeof v === "string" ? v : "";
};
const many = (values: FormValues, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
};

function AccessFields({ values, errorText, choices }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.access");
  return (
    <>
      <ChoiceGroup
        name="details.scope"
        label={t("scope")}
        error={errorText("details.scope")}
        choices={(["all", "categories"] as const).map((v) => ({ value: v, label: t(`scopes.${v}`) }))}
        selected={[one(values, "details.scope")]}
      />
      <ChoiceGroup
        name="details.categories"
        label={t("categories")}
        hint={t("categoriesHint")}
        error={errorText("details.categories")}
        multiple
        choices={choices.categories.map((c) => ({ value: c.id, label: c.label, hint: c.hint }))}
        selected={many(values, "details.categories")}
      />
      <ChoiceGroup
        name="details.copy"
        label={t("copy")}
        error={errorText("details.copy")}
        choices={(["yes", "no"] as const).map((v) => ({ value: v, label: t(`copies.${v}`) }))}
        selected={[one(values, "details.copy")]}
      />
    </>
  );
}

function RectificationFields({ values, errorText }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.rectification");
  return (
    <>
      <p>{t("intro")}</p>
      {Array.from({ length: RECTIFICATION_ROWS }, (_, i) => {
        const name = (f: string) => `details.items.${i}.${f}`;
        return (
          <fieldset key={i} className="field-row">
            <legend>{t("row", { number: i + 1 })}</legend>
            <TextField
              name={name("data")}
              label={t("data")}
              hint={i === 0 ? t("dataHint") : undefined}
              error={errorText(name("data"))}
              defaultValue={one(values, name("data"))}
            />
            <TextField
              name={name("currentValue")}
              label={t("currentValue")}
              error={errorText(name("currentValue"))}
              defaultValue={one(values, name("currentValue"))}
            />
            <TextField
              name={name("correctValue")}
              label={t("correctValue")}
              error={errorText(name("correctValue"))}
              defaultValue={one(values, name("correctValue"))}
            />
          </fieldset>
        );
      })}
      <TextField
        name="details.supplementaryStatement"
        label={t("supplementaryStatement")}
        hint={t("supplementaryStatementHint")}
        error={errorText("details.supplementaryStatement")}
        defaultValue={one(values, "details.supplementaryStatement")}
        multiline
      />
    </>
  );
}

function ErasureFields({ values, errorText }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.erasure");
  return (
    <>
      <ChoiceGroup
        name="details.scope"
        label={t("scope")}
        error={errorText("details.scope")}
        choices={(["all", "specific"] as const).map((v) => ({ value: v, label: t(`scopes.${v}`) }))}
        selected={[one(values, "details.scope")]}
      />
      <TextField
        name="details.specificData"
        label={t("specificData")}
        hint={t("specificDataHint")}
        error={errorText("details.specificData")}
        defaultValue={one(values, "details.specificData")}
        multiline
      />
      <ChoiceGroup
        name="details.ground"
        label={t("ground")}
        hint={t("groundHint")}
        error={errorText("details.ground")}
        choices={(["a", "b", "c", "d", "e", "f", "unsure"] as const).map((v) => ({
          value: v,
          label: t(`grounds.${v}`),
        }))}
        selected={[one(values, "details.ground")]}
      />
    </>
  );
}

function RestrictionFields({ values, errorText }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.restriction");
  return (
    <>
      <ChoiceGroup
        name="details.ground"
        label={t("ground")}
        error={errorText("details.ground")}
        choices={(["a", "b", "c", "d"] as const).map((v) => ({ value: v, label: t(`grounds.${v}`) }))}
        selected={[one(values, "details.ground")]}
      />
      <TextField
        name="details.explanation"
        label={t("explanation")}
        error={errorText("details.explanation")}
        defaultValue={one(values, "details.explanation")}
        multiline
      />
    </>
  );
}

function PortabilityFields({ values, errorText }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.portability");
  return (
    <>
      <ChoiceGroup
        name="details.format"
        label={t("format")}
        error={errorText("details.format")}
        choices={(["json", "csv"] as const).map((v) => ({ value: v, label: t(`formats.${v}`) }))}
        selected={[one(values, "details.format")]}
      />
      <ChoiceGroup
        name="details.transmit"
        label={t("transmitLegend")}
        hint={t("transmitHint")}
        multiple
        choices={[{ value: "yes", label: t("transmit") }]}
        selected={[one(values, "details.transmit")]}
      >
        <TextField
          name="details.transmitTo.controllerName"
          label={t("controllerName")}
          error={errorText("details.transmitTo.controllerName")}
          defaultValue={one(values, "details.transmitTo.controllerName")}
        />
        <TextField
          name="details.transmitTo.endpoint"
          label={t("endpoint")}
          hint={t("endpointHint")}
          error={errorText("details.transmitTo.endpoint")}
          defaultValue={one(values, "details.transmitTo.endpoint")}
        />
      </ChoiceGroup>
    </>
  );
}

function ObjectionFields({ values, errorText, choices }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.objection");
  return (
    <>
      <ChoiceGroup
        name="details.target"
        label={t("target")}
        error={errorText("details.target")}
        choices={(["direct_marketing", "processing"] as const).map((v) => ({ value: v, label: t(`targets.${v}`) }))}
        selected={[one(values, "details.target")]}
      />
      <ChoiceGroup
        name="details.processingIds"
        label={t("processingIds")}
        hint={t("processingIdsHint")}
        error={errorText("details.processingIds")}
        multiple
        choices={choices.processing.map((c) => ({ value: c.id, label: c.label }))}
        selected={many(values, "details.processingIds")}
      />
      <TextField
        name="details.grounds"
        label={t("grounds")}
        hint={t("groundsHint")}
        error={errorText("details.grounds")}
        defaultValue={one(values, "details.grounds")}
        multiline
      />
    </>
  );
}

function ConsentWithdrawalFields({ values, errorText, choices }: DetailFieldsProps) {
  const t = useTranslations("requests.fields.consent_withdrawal");
  if (choices.consents.length === 0) return <p className="callout">{t("none")}</p>;
  return (
    <ChoiceGroup
      name="details.consentIds"
      label={t("consentIds")}
      hint={t("consentIdsHint")}
      error={errorText("details.consentIds")}
      multiple
      choices={choices.consents.map((c) => ({ value: c.id, label: c.label }))}
      selected={many(values, "details.consentIds")}
    />
  );
}

export const detailFields: Record<RequestType, (props: DetailFieldsProps) => React.ReactNode> = {
  access: AccessFields,
  rectification: RectificationFields,
  erasure: ErasureFields,
  restriction: RestrictionFields,
  portability: PortabilityFields,
  objection: ObjectionFields,
  consent_withdrawal: ConsentWithdrawalFields,
};
