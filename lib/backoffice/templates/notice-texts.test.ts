// The versioned notice texts on real SQLite and PostgreSQL (issue 13): each save is a new version
// with its author, time and note, and an entry on the system audit chain; "back to default" is one
// more version; nothing overwrites an old one; only the DPO writes. A notice queued in the outbox is
// bound to the text current then: a later edit does not change it, and the mail carries the edited
// words when it goes out.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { SYSTEM_CHAIN } from "../../audit/append-system-entry";
import { verifyAuditChains } from "../../audit/verify-audit-chains";
import { createDb, type Db } from "../../db/client";
import { deliverDueMails } from "../../mail/outbox/deliver-due-mails";
import { mailboxDelivery } from "../../mail/outbox/deliveries";
import { enqueueMail } from "../../mail/outbox/enqueue-mail";
import { samples } from "../../mail/templates/samples";
import type { StaffRole } from "../../requests/workflow/actor";
import { defaultNoticeText, type NoticeKey } from "./notice-catalogue";
import { noticeTextForm } from "./notice-text-form";
import { listNoticeTexts, loadNoticeText, saveNoticeText, type NoticeTextContext } from "./notice-texts";

const flavors = inject("testDatabases").map((d) => d.flavor);
const start = new Date("2026-12-01T10:00:00Z");
const completionDe: NoticeKey = { action: "completion", scope: "all", language: "de" };
const edited = {
  subject: "Erledigt: {{reference}}",
  body: "Guten Tag,\n\nunsere eigene Formulierung für {{reference}}:\n\n{{summary}}",
  note: "kürzer",
};
const retry = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 };

describe.each(flavors)("notice texts on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const ids: Record<string, string> = {};
  let minutes = 0;
  const as = (who: "dpo" | "team", role: StaffRole): NoticeTextContext => ({
    db,
    actor: { type: "staff", userId: ids[who]!, role },
    client: { ip: "203.0.113.9", userAgent: "Firefox/140" },
    now: new Date(start.getTime() + ++minutes * 60_000),
  });
  const save = (key: NoticeKey, text: typeof edited) =>
    saveNoticeText(as("dpo", "dpo"), key, noticeTextForm(key.action).parse(text));

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "notice_texts");
    drop = database.drop;
    db = createDb(database.url);
  });
  beforeEach(async () => {
    await db.auditEntry.deleteMany();
    await db.outboundMail.deleteMany();
    await db.noticeTextVersion.deleteMany();
    await db.user.deleteMany();
    ids.dpo = (await db.user.create({ data: { email: "dpo@demo.example", name: "Dana DSB", role: "dpo" } })).id;
    ids.team = (await db.user.create({ data: { email: "team@demo.example", role: "privacy_team" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("keeps every version with author, time and note; the newest is current; restoring is a new version", async () => {
    const before = await loadNoticeText(db, "privacy_team", completionDe);
    expect(before).toMatchObject({ source: "default", versions: [], current: defaultNoticeText("completion", "de") });

    expect(await save(completionDe, edited)).toEqual({ ok: true, version: 1 });
    expect(await save(completionDe, { ...edited, body: `${edited.body}\n\nZweite Fassung.`, note: "" })).toEqual({
      ok: true,
      version: 2,
    });
    expect(await saveNoticeText(as("dpo", "dpo"), completionDe, { restore: true, note: "zurück" })).toEqual({
      ok: true,
      version: 3,
    });

    const file = (await loadNoticeText(db, "dpo", completionDe))!;
    expect(file.source).toBe("own");
    expect(file.current).toMatchObject(defaultNoticeText("completion", "de"));
    expect(file.versions.map((v) => [v.version, v.author, v.note, v.restored])).toEqual([
      [3, "Dana DSB", "zurück", true],
      [2, "Dana DSB", null, false],
      [1, "Dana DSB", "kürzer", false],
    ]);
    // The first version is still there as it was saved.
    expect(file.versions[2]).toMatchObject({ subject: edited.subject, body: edited.body });
    expect(file.versions[0]!.createdAt.getTime()).toBeGreaterThan(file.versions[2]!.createdAt.getTime());

    const entries = await db.auditEntry.findMany({ where: { chain: SYSTEM_CHAIN }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.event, e.actorId, (JSON.parse(e.details) as { version: number }).version])).toEqual([
      ["notice_text_saved", ids.dpo, 1],
      ["notice_text_saved", ids.dpo, 2],
      ["notice_text_saved", ids.dpo, 3],
    ]);
    expect(JSON.parse(entries[2]!.details)).toMatchObject({
      action: "completion",
      requestType: "all",
      language: "de",
      restored: true,
    });
    expect(await verifyAuditChains(db)).toMatchObject({ broken: null });

    const list = (await listNoticeTexts(db, "privacy_team"))!;
    expect(list).toEqual([expect.objectContaining({ action: "completion", scope: "all", language: "de", version: 3 })]);
  });

  it("lets only the DPO write; the team and auditors read, an admin nothing", async () => {
    for (const [who, role] of [
      ["team", "privacy_team"],
      ["team", "auditor"],
    ] as const)
      expect(await saveNoticeText(as(who, role), completionDe, noticeTextForm("completion").parse(edited))).toEqual({
        ok: false,
        reason: "forbidden",
      });
    expect(await db.noticeTextVersion.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
    expect(await listNoticeTexts(db, "admin")).toBeNull();
    expect(await loadNoticeText(db, "admin", completionDe)).toBeNull();
    for (const role of ["privacy_team", "auditor"] as const) {
      expect(await listNoticeTexts(db, role)).not.toBeNull();
      expect(await loadNoticeText(db, role, completionDe)).toMatchObject({ source: "default" });
    }
  });

  it("a type's own text wins over the text for all types; without one, the type inherits it", async () => {
    await save(completionDe, edited);
    const erasure: NoticeKey = { ...completionDe, scope: "erasure" };
    expect(await loadNoticeText(db, "dpo", erasure)).toMatchObject({
      source: "all_types",
      current: { subject: edited.subject },
    });
    await save(erasure, { ...edited, subject: "Gelöscht: {{reference}}" });
    expect(await loadNoticeText(db, "dpo", erasure)).toMatchObject({
      source: "own",
      current: { subject: "Gelöscht: {{reference}}" },
    });
  });

  it("binds a queued notice to the text current then: a later edit does not change it", async () => {
    const mail = (type: "access" | "erasure", to: string) => ({
      template: "completion" as const,
      variables: { ...samples.completion, type },
      language: "de" as const,
      to,
    });
    await db.$transaction((tx) => enqueueMail(tx, mail("access", "shipped@example.org"), start));
    await save(completionDe, edited);
    await db.$transaction((tx) => enqueueMail(tx, mail("access", "edited@example.org"), start));
    await save({ ...completionDe, scope: "access" }, { ...edited, subject: "Auskunft erteilt: {{reference}}" });
    await save(completionDe, { ...edited, subject: "Noch später: {{reference}}" });

    const rows = await db.outboundMail.findMany({
      select: { toAddress: true, noticeText: { select: { version: true } } },
    });
    expect(Object.fromEntries(rows.map((r) => [r.toAddress, r.noticeText?.version ?? null]))).toEqual({
      "shipped@example.org": null,
      "edited@example.org": 1,
    });

    await deliverDueMails(db, mailboxDelivery, { retry, clock: () => start });
    const sent = Object.fromEntries(
      (await db.outboundMail.findMany({ select: { toAddress: true, subject: true, text: true } })).map((r) => [
        r.toAddress,
        r,
      ]),
    );
    expect(sent["shipped@example.org"]).toMatchObject({ subject: "Ihre Anfrage DSR-2026-000042 ist erledigt" });
    expect(sent["edited@example.org"]!.subject).toBe("Erledigt: DSR-2026-000042");
    expect(sent["edited@example.org"]!.text).toContain("unsere eigene Formulierung für DSR-2026-000042:");
    expect(sent["edited@example.org"]!.text).toContain("Copy sent.");
  });
});
