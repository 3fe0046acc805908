import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footerNote")}</p>
        <p>{t("footerLegal")}</p>
      </div>
    </footer>
  );
}
