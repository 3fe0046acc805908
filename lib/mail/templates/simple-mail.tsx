import type { ReactNode } from "react";
import type { MailLanguage, Sender } from "./common";
import { ActionLink, MailLayout, Paragraph, Quoted } from "./layout";

/** Greeting, paragraphs, an optional quoted text and an optional link: the shape of most mails. */
export function SimpleMail(props: {
  language: MailLanguage;
  sender: Sender;
  preview: string;
  lines: string[];
  quoted?: string;
  afterQuote?: string[];
  link?: { href: string; label: string };
  children?: ReactNode;
}) {
  return (
    <MailLayout language={props.language} sender={props.sender} preview={props.preview}>
      <Paragraph>{props.language === "de" ? "Guten Tag," : "Hello,"}</Paragraph>
      {props.lines.map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      {props.quoted ? <Quoted text={props.quoted} /> : null}
      {(props.afterQuote ?? []).map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      {props.children}
      {props.link ? <ActionLink href={props.link.href} label={props.link.label} /> : null}
    </MailLayout>
  );
}
