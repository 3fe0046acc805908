// The processing register: one entry per processing activity that the statement describes. The
// statement embeds entries with ::processing{id="…"}; requests and access reports refer to the ids.
import type { RegisterFileInput } from "../lib/privacy/schema/register";

/** What the seed statement says about registration, use and permissions alike. */
const untilAccountDeleted = {
  rule: {
    de: "Bis die Daten für ihren Zweck nicht mehr nötig sind, spätestens bis Sie Ihr Konto löschen.",
    en: "Until the data are no longer needed for their purpose, at the latest until you delete your account.",
  },
  backupDays: 30,
};

const untilEnquiryClosed = {
  rule: {
    de: "Bis Ihr Anliegen vollständig erledigt ist.",
    en: "Until your enquiry has been fully dealt with.",
  },
};

/** Support works for customers and for anyone else; which basis applies depends on the enquiry. */
const supportBases: RegisterFileInput["entries"][number]["legalBases"] = [
  {
    code: "b",
    applies: {
      de: "wenn Ihre Anfrage einen Vertrag mit uns betrifft oder einen vorbereiten soll",
      en: "when your enquiry concerns a contract with us or is meant to prepare one",
    },
  },
  {
    code: "f",
    applies: { de: "bei allen anderen Anfragen", en: "for every other enquiry" },
    legitimateInterest: {
      de: "Wer unsere App nutzt, soll uns einfach erreichen können.",
      en: "People who use our app should be able to reach us easily.",
    },
  },
];

const register: RegisterFileInput = {
  entries: [
    {
      id: "app-store-download",
      name: { de: "Download der App aus einem App Store", en: "Downloading the app from an app store" },
      dataCategories: ["email-address", "store-account", "download-time", "payment-details"],
      purposes: [{ de: "Bereitstellung der App zum Download", en: "Making the app available for download" }],
      legalBases: [],
      retention: {
        rule: {
          de: "Legt der jeweilige App Store in seinen Datenschutzhinweisen fest.",
          en: "Set by the app store in its own privacy notice.",
        },
      },
      recipients: ["apple-app-store", "google-play"],
      thirdCountryTransfers: [],
      sources: ["third-party"],
      automatedDecisionMaking: { occurs: false },
      requestTypes: [],
      independentControllers: ["apple-app-store", "google-play"],
    },
    {
      id: "registration",
      name: { de: "Registrierung und Nutzerkonto", en: "Registration and user account" },
      dataCategories: ["name", "email-address", "ip-address", "device-id"],
      purposes: [
        {
          de: "Ihr Nutzerkonto anlegen, damit Sie die App nutzen können",
          en: "Creating your user account so that you can use the app",
        },
        {
          de: "Ihre Angaben mit Zwei-Faktor-Authentifizierung bestätigen",
          en: "Confirming your details with two-factor authentication",
        },
      ],
      legalBases: [{ code: "b" }],
      retention: untilAccountDeleted,
      recipients: ["ilert-subprocessors"],
      thirdCountryTransfers: [],
      sources: ["data-subject", "automatic"],
      automatedDecisionMaking: { occurs: false },
      requestTypes: ["access", "rectification", "erasure", "restriction", "portability"],
    },
    {
      id: "app-use",
      name: { de: "Nutzung der App", en: "Using the app" },
      dataCategories: [
        "ip-address",
        "device-id",
        "user-id",
        "customer-id",
        "device-and-app-settings",
        "browser-and-os",
        "time-zone",
        "access-records",
        "crash-reports",
      ],
      purposes: [
        { de: "Technischer Betrieb der App", en: "Running the app technically" },
        {
          de: "Stabile Verbindungen der App zu unseren Servern",
          en: "Keeping the app's connections to our servers stable",
        },
        { de: "Missbrauch und Betrug aufklären", en: "Investigating misuse and fraud" },
        { de: "Fehler im Netzwerk analysieren", en: "Analysing network problems" },
        {
          de: "Sicherheit und Stabilität des Systems auswerten",
          en: "Evaluating the security and stability of the system",
        },
      ],
      legalBases: [
        {
          code: "f",
          legitimateInterest: {
            de: "Wir wollen Ihnen eine App bieten, die technisch zuverlässig funktioniert.",
            en: "We want to offer you an app that works reliably.",
          },
        },
      ],
      retention: untilAccountDeleted,
      recipients: ["ilert-subprocessors"],
      thirdCountryTransfers: [],
      sources: ["automatic"],
      automatedDecisionMaking: { occurs: false },
      requestTypes: ["access", "rectification", "erasure", "restriction", "objection"],
    },
    {
      id: "app-permissions",
      name: { de: "Berechtigungen der App", en: "App permissions" },
      dataCategories: ["contacts-entry", "push-notifications"],
      purposes: [
        {
          de: "Den ilert-Kontakt in Ihrem Adressbuch anlegen und aktuell halten, damit Sie Anrufe von ilert erkennen",
          en: "Creating and updating the ilert contact in your address book, so that you recognise calls from ilert",
        },
        { de: "Alarme als Push-Benachrichtigung zustellen", en: "Delivering alerts as push notifications" },
      ],
      legalBases: [{ code: "a" }],
      retention: untilAccountDeleted,
      recipients: [],
      thirdCountryTransfers: [],
      sources: ["data-subject"],
      automatedDecisionMaking: { occurs: false },
      requestTypes: ["access", "rectification", "erasure", "restriction", "portability", "consent_withdrawal"],
    },
    {
      id: "support-contact",
      name: { de: "Support per E-Mail und Telefon", en: "Support by email and phone" },
      dataCategories: [
        "name",
        "email-address",
        "phone-number",
        "postal-address",
        "request-time",
        "ip-address",
        "message-content",
      ],
      purposes: [
        {
          de: "Ihre Anfrage beantworten und erledigen, was sich daraus ergibt",
          en: "Answering your enquiry and handling what follows from it",
        },
      ],
      legalBases: supportBases,
      retention: untilEnquiryClosed,
      recipients: [],
      thirdCountryTransfers: [],
      sources: ["data-subject", "automatic"],
      automatedDecisionMaking: { occurs: false },
      requestTypes: ["access", "rectification", "erasure", "restriction", "portability", "objection"],
    },
    {
      id: "support-chat",
      name: { de: "Support-Chat in der App", en: "Support chat in the app" },
      dataCategories: ["name", "email-address", "request-time", "ip-address", "message-content"],
      purposes: [
        {
          de: "Ihre Frage im Chat beantworten und erledigen, was sich daraus ergibt",
          en: "Answering your question in the chat and handling what follows from it",
        },
      ],
      legalBases: supportBases,
      retention: untilEnquiryClosed,
      recipients: ["hubspot"],
      // The seed statement names HubSpot but not the transfer mechanism; standard contractual clauses are
      // the demo's assumption and must be confirmed against the actual contract.
      thirdCountryTransfers: [{ recipient: "hubspot", country: "US", safeguard: "standard-contractual-clauses" }],
      sources: ["data-subject", "automatic"],
      automatedDecisionMaking: { occurs: false },
      requestTypes: ["access", "rectification", "erasure", "restriction", "portability", "objection"],
      introducedIn: "2023-07",
    },
  ],
};

export default register;
