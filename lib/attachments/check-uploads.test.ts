import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkUploads, sanitiseFileName } from "./check-uploads";
import { attachmentDisposition } from "./content-disposition";

const limits = { maxBytesPerFile: 1024, maxFiles: 5 };
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46];
const ELF = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0];
const MZ = [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0];

const file = (bytes: number[], name: string, type = "application/pdf") =>
  new File([new Uint8Array(bytes)], name, { type });

describe("checkUploads", () => {
  it.each([
    ["application/pdf", PDF, "antrag.pdf"],
    ["image/png", PNG, "ausweis.png"],
    ["image/jpeg", JPEG, "ausweis.jpg"],
  ])("accepts %s by its first bytes, with size and digest", async (type, bytes, name) => {
    const result = await checkUploads([file(bytes, name, "application/octet-stream")], limits);
    expect(result).toEqual({
      ok: true,
      files: [
        {
          fileName: name,
          contentType: type,
          bytes: new Uint8Array(bytes),
          size: bytes.length,
          sha256: createHash("sha256").update(new Uint8Array(bytes)).digest("hex"),
        },
      ],
    });
  });

  it.each([
    ["an ELF program", ELF],
    ["a Windows program", MZ],
    ["HTML", [...Buffer.from("<html><script>alert(1)</script>")]],
    ["a PDF signature not at the start", [0x20, ...PDF]],
  ])("refuses %s named document.pdf and sent as application/pdf", async (_, bytes) => {
    expect(await checkUploads([file(bytes, "document.pdf", "application/pdf")], limits)).toEqual({
      ok: false,
      error: "wrong_type",
      fileName: "document.pdf",
    });
  });

  it("decides the type by the bytes and gives the name an extension that fits them", async () => {
    const result = await checkUploads([file(PNG, "scan.pdf", "application/pdf"), file(JPEG, "foto", "")], limits);
    expect(result.ok && result.files.map((f) => [f.fileName, f.contentType])).toEqual([
      ["scan.pdf.png", "image/png"],
      ["foto.jpg", "image/jpeg"],
    ]);
  });

  it("ignores the empty part a file input sends when nothing was chosen", async () => {
    expect(await checkUploads([new File([], "", { type: "application/octet-stream" })], limits)).toEqual({
      ok: true,
      files: [],
    });
    const result = await checkUploads([new File([], ""), file(PDF, "a.pdf")], limits);
    expect(result.ok && result.files.map((f) => f.fileName)).toEqual(["a.pdf"]);
  });

  it("refuses a chosen file with no bytes", async () => {
    expect(await checkUploads([file([], "leer.pdf")], limits)).toEqual({
      ok: false,
      error: "empty",
      fileName: "leer.pdf",
    });
  });

  it("refuses a file over the limit by its size, without reading it", async () => {
    const big = file([...PDF, ...new Array(1024).fill(0x20)], "gross.pdf");
    let read = false;
    big.arrayBuffer = () => {
      read = true;
      return Promise.reject(new Error("must not be read"));
    };
    expect(await checkUploads([big], limits)).toEqual({ ok: false, error: "too_large", fileName: "gross.pdf" });
    expect(read).toBe(false);
    const exact = file([...PDF, ...new Array(1024 - PDF.length).fill(0x20)], "genau.pdf");
    expect((await checkUploads([exact], limits)).ok).toBe(true);
  });

  it("refuses more files than allowed, naming the first one over", async () => {
    const six = [1, 2, 3, 4, 5, 6].map((n) => file(PDF, `${n}.pdf`));
    expect(await checkUploads(six, limits)).toEqual({ ok: false, error: "too_many", fileName: "6.pdf" });
    expect((await checkUploads(six.slice(0, 5), limits)).ok).toBe(true);
  });

  it("refuses names no person types", async () => {
    const name = `${"a".repeat(1100)}.pdf`;
    const result = await checkUploads([file(PDF, name)], limits);
    expect(result).toMatchObject({ ok: false, error: "name_too_long" });
  });
});

describe("sanitiseFileName", () => {
  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["C:\\Users\\anna\\Ausweis Vorderseite.jpg", "Ausweis Vorderseite.jpg"],
    ["..", ""],
    ["/", ""],
    [".htaccess.pdf", "htaccess.pdf"],
    ["bad\u0000name\r\n.pdf", "badname.pdf"],
    ["rechnung\u202Efdp.exe", "rechnungfdp.exe"],
    ["Bescheid vom 1.2.2026 (Kopie).pdf", "Bescheid vom 1.2.2026 (Kopie).pdf"],
    ["Übersicht.pdf".normalize("NFD"), "Übersicht.pdf"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it("shortens long names to 200 characters and keeps the extension", () => {
    const name = sanitiseFileName(`${"ä".repeat(300)}.jpeg`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith("ää.jpeg")).toBe(true);
  });

  it("a name that is nothing after sanitising becomes attachment plus the type's extension", async () => {
    const result = await checkUploads([file(PDF, "../")], limits);
    expect(result.ok && result.files[0]!.fileName).toBe("attachment.pdf");
  });
});

describe("attachmentDisposition", () => {
  it("always downloads, with the UTF-8 name and an ASCII fallback", () => {
    expect(attachmentDisposition('Übersicht "final"; 100%.pdf')).toBe(
      `attachment; filename="_bersicht _final__ 100_.pdf"; filename*=UTF-8''%C3%9Cbersicht%20%22final%22%3B%20100%25.pdf`,
    );
    expect(attachmentDisposition("it's (1).png")).toBe(
      `attachment; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`,
    );
  });
});

describe("an empty file input", () => {
  it("is no file, whether posted as a nameless File or (by the browser's script) as a nameless Blob", async () => {
    expect(await checkUploads([new File([], "")], limits)).toEqual({ ok: true, files: [] });
    expect(await checkUploads([new Blob([]) as File], limits)).toEqual({ ok: true, files: [] });
    expect(await checkUploads([new File([], "undefined")], limits)).toEqual({ ok: true, files: [] });
  });
});
