// The kinds of personal data in the register. Ids are stable: access requests name them.
import type { DataCategoriesFileInput } from "../lib/privacy/schema/data-categories";

const dataCategories: DataCategoriesFileInput = {
  categories: [
    {
      id: "name",
      label: { de: "Name", en: "Name" },
      description: { de: "Vor- und Nachname", en: "first and last name" },
    },
    { id: "email-address", label: { de: "E-Mail-Adresse", en: "Email address" } },
    { id: "phone-number", label: { de: "Telefonnummer", en: "Phone number" } },
    { id: "postal-address", label: { de: "Postanschrift", en: "Postal address" } },
    {
      id: "store-account",
      label: { de: "Konto im App Store", en: "App store account" },
      description: { de: "Ihr Nutzername beim App Store", en: "your user name at the app store" },
    },
    { id: "download-time", label: { de: "Zeitpunkt des Downloads", en: "Time of the download" } },
    {
      id: "payment-details",
      label: { de: "Zahlungsdaten", en: "Payment details" },
      description: {
        de: "soweit der App Store sie für den Download braucht",
        en: "as far as the app store needs them for the download",
      },
    },
    { id: "ip-address", label: { de: "IP-Adresse", en: "IP address" } },
    {
      id: "device-id",
      label: { de: "Geräte-ID", en: "Device ID" },
      description: { de: "Kennung Ihres Smartphones oder Tablets", en: "the identifier of your phone or tablet" },
    },
    {
      id: "user-id",
      label: { de: "Nutzer-ID", en: "User ID" },
      description: { de: "Ihre Kennung als Nutzer in ilert", en: "your identifier as a user of ilert" },
    },
    {
      id: "customer-id",
      label: { de: "Kunden-ID", en: "Customer ID" },
      description: {
        de: "die Kennung des ilert-Kontos Ihrer Organisation",
        en: "the identifier of your organisation's ilert account",
      },
    },
    {
      id: "device-and-app-settings",
      label: { de: "Gerät und Einstellungen", en: "Device and settings" },
      description: {
        de: "Geräteart, Einstellungen des Geräts und der App, Eigenschaften der App",
        en: "type of device, device and app settings, properties of the app",
      },
    },
    {
      id: "browser-and-os",
      label: { de: "Browser und Betriebssystem", en: "Browser and operating system" },
    },
    { id: "time-zone", label: { de: "Zeitzone", en: "Time zone" } },
    {
      id: "access-records",
      label: { de: "Zugriffsdaten", en: "Access records" },
      description: {
        de: "Datum und Uhrzeit eines Abrufs, übertragene Datenmenge und ob die Übertragung vollständig war",
        en: "date and time of a request, amount of data sent and whether the transfer was complete",
      },
    },
    {
      id: "crash-reports",
      label: { de: "Absturzberichte", en: "Crash reports" },
      description: { de: "technische Angaben, wenn die App abstürzt", en: "technical details when the app crashes" },
    },
    {
      id: "contacts-entry",
      label: { de: "ilert-Kontakt im Adressbuch", en: "ilert contact in your address book" },
      description: {
        de: "der Eintrag mit den Telefonnummern von ilert, den die App anlegt; Ihre anderen Kontakte lesen wir nicht",
        en: "the entry with ilert's phone numbers that the app creates; we do not read your other contacts",
      },
    },
    {
      id: "push-notifications",
      label: { de: "Push-Benachrichtigungen", en: "Push notifications" },
      description: {
        de: "die Erlaubnis, Ihnen Alarme als Push-Nachricht aufs Gerät zu schicken",
        en: "the permission to send alerts to your device as push messages",
      },
    },
    { id: "request-time", label: { de: "Datum und Uhrzeit Ihrer Anfrage", en: "Date and time of your enquiry" } },
    {
      id: "message-content",
      label: { de: "Inhalt Ihrer Nachrichten", en: "Content of your messages" },
      description: {
        de: "was Sie uns schreiben oder sagen und unsere Antworten",
        en: "what you write or tell us, and our answers",
      },
    },
  ],
};

export default dataCategories;
