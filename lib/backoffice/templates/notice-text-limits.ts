// How long a notice text may be: the editor's fields (maxlength) and its schema agree. Pure, and free
// of the mail templates, so the browser's editor can import it.
export const NOTICE_SUBJECT_MAX = 200;
export const NOTICE_BODY_MAX = 8_000;
export const NOTICE_NOTE_MAX = 500;
