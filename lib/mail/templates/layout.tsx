// The frame of every mail: plain, readable, works in clients that block images and
// styles. The plain-text part is rendered from the same tree.
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { MailLanguage, Sender } from "./common";

const styles = {
  body: { backgroundColor: "#f5f7fb", fontFamily: "Arial, Helvetica, sans-serif", color: "#16202e", margin: 0 },
  container: {
    backgroundColor: "#ffffff",
    margin: "24px auto",
    padding: "24px 32px",
    maxWidth: "560px",
    borderRadius: "8px",
  },
  brand: { fontSize: "14px", fontWeight: 700, color: "#0b3d91", margin: "0 0 16px" },
  footer: { fontSize: "12px", lineHeight: "18px", color: "#4a5568" },
  // White on the brand blue: a contrast of 10:1 (WCAG AA asks 4.5:1).
  button: {
    backgroundColor: "#0b3d91",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 700,
    lineHeight: "20px",
    padding: "12px 24px",
    borderRadius: "6px",
  },
} as const;

const footerText = {
  de: (s: Sender) => `${s.controllerName} · Datenschutz-Portal · Fragen zum Datenschutz: `,
  en: (s: Sender) => `${s.controllerName} · Privacy portal · Data protection questions: `,
};

export function MailLayout(props: { language: MailLanguage; sender: Sender; preview: string; children: ReactNode }) {
  const { language, sender } = props;
  return (
    <Html lang={language}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{sender.portalName}</Text>
          {props.children}
          <Hr />
          <Section>
            <Text style={styles.footer}>
              {footerText[language](sender)}
              <Link href={`mailto:${sender.dpoEmail}`}>{sender.dpoEmail}</Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "15px", lineHeight: "23px", margin: "0 0 14px" }}>{children}</Text>;
}

/**
 * The mail's one action (confirm, sign in, read, answer): a link that looks like a button, so it is
 * found at a glance, and stays a link, with its words as its name, for screen readers and for
 * clients that drop styles. The plain-text part gives the words and the address on one line.
 */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: "4px 0 18px" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
    </Section>
  );
}

/** Preserves the line breaks of text a person wrote (reasons, messages). */
export function Quoted({ text }: { text: string }) {
  return (
    <Text
      style={{
        fontSize: "15px",
        lineHeight: "23px",
        whiteSpace: "pre-line",
        borderLeft: "3px solid #c9d2e0",
        paddingLeft: "12px",
        margin: "0 0 14px",
      }}
    >
      {text}
    </Text>
  );
}
