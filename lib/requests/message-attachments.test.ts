// Files sent with a message on the case page travel in the message's own transaction
// (transitionRequest's withinStep): recorded with the thread message when the step commits,
// and gone — row and file — when it does not.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { verifiedTestRequest } from "../../scripts/test/requests";
import { checkUploads } from "../attachments/check-uploads";
import { withStagedAttachments } from "../attachments/store-attachments";
import { createDb, type Db } from "../db/client";
import { transitionRequest } from "./transition-request";

const PDF = new Uint8Array(Buffer.from("%PDF-1.7\n%%EOF\n"));

describe.each(inject("testDatabases").map((d) => d.flavor))("message attachments on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  let userId: string;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "msgfiles");
    db = createDb(database.url);
    drop = database.drop;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-msgfiles-"));
    userId = (await db.user.create({ data: { email: "mia@example.org" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = async (requestId: string, command: "send_message" | "withdraw") => {
    const checked = await checkUploads([new File([PDF], "proof.pdf")], { maxBytesPerFile: 1 << 20, maxFiles: 5 });
    if (!checked.ok) throw new Error(checked.error);
    return withStagedAttachments(db, dir, checked.files, (staged) =>
      transitionRequest(
        db,
        {
          requestId,
          actor: { type: "subject", userId },
          command:
            command === "send_message"
              ? { name: "send_message", input: { message: "Here it is." } }
              : { name: "withdraw", input: {} },
          withinStep: (tx, step) =>
            staged
              .record(tx, { requestId: step.requestId, messageId: step.messageId, uploadedBy: "subject" })
              .then(() => undefined),
        },
        { ...testRequestSettings, attachmentsDir: dir },
      ),
    );
  };

  it("records the file with the thread message when the message is sent", async () => {
    const { id } = await verifiedTestRequest(db, userId, { subjectEmail: "mia@example.org" });
    const outcome = await send(id, "send_message");
    expect(outcome.ok).toBe(true);
    const message = await db.requestMessage.findFirstOrThrow({
      where: { requestId: id },
      include: { attachments: true },
    });
    expect(message).toMatchObject({ direction: "inbound", body: "Here it is." });
    expect(message.attachments).toMatchObject([{ fileName: "proof.pdf", requestId: id, uploadedBy: "subject" }]);
    expect(fs.readdirSync(dir)).toContain(message.attachments[0]!.storageKey);
  });

  it("leaves neither row nor file when the step is refused", async () => {
    const { id } = await verifiedTestRequest(db, userId, { subjectEmail: "mia@example.org" });
    await transitionRequest(
      db,
      { requestId: id, actor: { type: "subject", userId }, command: { name: "withdraw", input: {} } },
      { ...testRequestSettings, attachmentsDir: dir },
    );
    const files = fs.readdirSync(dir).length;
    const outcome = await send(id, "send_message");
    expect(outcome).toMatchObject({ ok: false });
    expect(await db.attachment.count({ where: { requestId: id } })).toBe(0);
    expect(fs.readdirSync(dir)).toHaveLength(files);
  });
});
