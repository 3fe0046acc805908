// The subject withdrew the request: it is closed, and a new one is always possible.
import { z } from "zod";
import { defineNotice, noticeBase } from "./define-notice";

const schema = z.object({ ...noticeBase });

export const withdrawalConfirmation = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Anfrage {{reference}} zurückgezogen",
      body: `Guten Tag,

Ihre Anfrage {{reference}} ist zurückgezogen; wir bearbeiten sie nicht weiter. Sie können jederzeit eine neue Anfrage stellen.`,
    },
    en: {
      subject: "Request {{reference}} withdrawn",
      body: `Hello,

Your request {{reference}} is withdrawn; we will not work on it any further. You can make a new request at any time.`,
    },
  },
  placeholders: {},
  values: () => ({}),
});
