import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import type { ComponentProps, ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import type { Locale } from "@/lib/i18n/locales";
import { renderedStatement } from "@/lib/privacy/rendered";
import { PORTAL_ELEMENT_PREFIX } from "@/lib/privacy/statement/to-hast";
import { PartyCard } from "./party-card";
import { ProcessingCard } from "./processing-card";
import { RegisterOverview } from "./register-overview";

type PortalProps = { "data-entry-id"?: string };

/** One version's text, rendered on the server from its prepared HTML tree; directives are filled from the content model. */
export function StatementBody({ versionId, locale }: { versionId: string; locale: Locale }) {
  const rendered = renderedStatement(versionId, locale);
  if (!rendered) return null;
  const portal = (name: string) => `${PORTAL_ELEMENT_PREFIX}${name}`;
  const components = {
    h2: (props: ComponentProps<"h2">) => <Heading level={2} {...props} />,
    h3: (props: ComponentProps<"h3">) => <Heading level={3} {...props} />,
    [portal("processing")]: (props: PortalProps) => (
      <ProcessingCard entryId={props["data-entry-id"] ?? ""} locale={locale} />
    ),
    [portal("register-overview")]: () => <RegisterOverview versionId={versionId} locale={locale} />,
    [portal("controller")]: () => <PartyCard party="controller" locale={locale} />,
    [portal("dpo")]: () => <PartyCard party="dpo" locale={locale} />,
    [portal("supervisory-authority")]: () => <PartyCard party="supervisory-authority" locale={locale} />,
  };
  return (
    <div className="statement" data-testid="statement" data-version={versionId}>
      {toJsxRuntime(rendered.hast, {
        Fragment,
        jsx,
        jsxs,
        passKeys: true,
        // The portal-* names are not HTML elements, so they are outside the Components type.
        components: components as unknown as Partial<Components>,
      })}
    </div>
  );
}

/** A heading with a "#" link to itself for copying; hidden from assistive technology, which has the table of contents. */
function Heading({ level, id, children, ...rest }: { level: 2 | 3; id?: string; children?: ReactNode }) {
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag id={id} {...rest}>
      {children}
      {id ? (
        <a className="heading-anchor" href={`#${id}`} aria-hidden="true" tabIndex={-1}>
          #
        </a>
      ) : null}
    </Tag>
  );
}
