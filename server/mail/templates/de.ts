import type { MailTranslation } from './en.js';

export const de: MailTranslation = {
  $code: 'de',
  subject: ({ shop, product }) => (product ? `Wie gefällt Ihnen ${product}?` : `Wie war Ihre Bestellung bei ${shop}?`),
  reminderSubject: ({ shop }) => `Eine Erinnerung: Ihre Bewertung von ${shop}`,
  greeting: ({ name }) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  intro: ({ shop, product }) =>
    product
      ? `Vielen Dank für Ihren Kauf von ${product} bei ${shop}. Möchten Sie anderen Kunden sagen, wie es Ihnen gefällt?`
      : `Vielen Dank für Ihre Bestellung bei ${shop}. Möchten Sie anderen Kunden sagen, wie es war?`,
  reminderIntro: ({ shop }) =>
    `Vor einigen Tagen hat ${shop} Sie um eine Bewertung gebeten. Wenn Sie eine Minute haben, hilft Ihre Erfahrung anderen Kunden bei der Wahl.`,
  button: 'Bewertung schreiben',
  linkLine: 'Oder öffnen Sie diesen Link:',
  honesty:
    'Jede Bewertung wird veröffentlicht, ganz gleich wie viele Sterne sie gibt: gute wie schlechte helfen anderen.',
  noIncentive:
    'Niemand wird für eine Bewertung bezahlt oder belohnt, und Sie entscheiden selbst, ob Sie eine schreiben.',
  expires: (date) => `Der Link funktioniert einmal, bis zum ${date}.`,
  why: ({ shop }) => `Sie erhalten diese E-Mail, weil Sie bei ${shop} bestellt haben.`,
  unsubscribe: ({ shop }) => `Keine Bewertungseinladungen mehr von ${shop}`,
  optOutTitle: 'Bewertungseinladungen',
  optOutQuestion: (shop) => `Möchten Sie keine Bewertungseinladungen mehr von ${shop} erhalten?`,
  optOutButton: 'Ja, keine Einladungen mehr',
  optOutDone: (shop) => `Erledigt: Sie erhalten keine Bewertungseinladungen mehr von ${shop}.`,
  optOutUnknown: 'Dieser Link ist nicht bekannt. Vielleicht wurde er falsch abgeschrieben.',
  reviewer: {
    confirmSubject: (shop) => `Bitte bestätigen Sie Ihre Bewertung von ${shop}`,
    confirmIntro: (shop) =>
      `Danke für Ihre Bewertung von ${shop}. Bitte bestätigen Sie, dass Sie sie geschrieben haben: erst dann wird sie geprüft und veröffentlicht.`,
    confirmButton: 'Meine Bewertung bestätigen',
    confirmExpires: (date) =>
      `Ohne Bestätigung werden die Bewertung und alles, was Sie dazu angegeben haben, am ${date} gelöscht.`,
    manageLine: 'Ihr privater Link, um die Bewertung anzusehen, zu ändern oder zurückzuziehen (nicht weitergeben):',
    manageExpires: (date) => `Er funktioniert bis zum ${date}.`,
    notYou:
      'Wenn Sie diese Bewertung nicht geschrieben haben, ignorieren Sie diese E-Mail: ohne Ihre Bestätigung wird nichts veröffentlicht.',
    why: (shop) => `Sie erhalten diese E-Mail, weil mit dieser Adresse eine Bewertung von ${shop} geschrieben wurde.`,
    pageTitle: (shop) => `Ihre Bewertung von ${shop}`,
    confirmQuestion:
      'Bestätigen Sie, dass Sie diese Bewertung geschrieben haben. Sie wird dann nur auf beleidigende Sprache, personenbezogene Daten und rechtswidrige Inhalte geprüft und unabhängig von der Sternezahl veröffentlicht.',
    confirmDone: 'Danke: Ihre Bewertung ist bestätigt. Sie wird geprüft und dann veröffentlicht.',
    confirmVerified: 'Ihre Bestellnummer passt zu einer Bestellung: die Bewertung wird als verifizierter Kauf gezeigt.',
    confirmLater:
      'Um sie später anzusehen, zu ändern oder zurückzuziehen, nutzen Sie den privaten Link in derselben E-Mail.',
    linkUnusable:
      'Dieser Link funktioniert nicht: er ist abgelaufen, die Bewertung gibt es nicht mehr, oder er ist falsch abgeschrieben.',
    originRefused:
      'Dieses Formular kann nur von seiner eigenen Seite gesendet werden. Öffnen Sie den Link aus der E-Mail erneut.',
    stored: 'Alles, was über Ihre Bewertung gespeichert ist',
    fields: {
      status: 'Stand',
      rating: 'Bewertung',
      title: 'Titel',
      body: 'Text',
      authorName: 'Angezeigter Name',
      email: 'E-Mail-Adresse (nie angezeigt)',
      orderReference: 'Bestellnummer (nie angezeigt)',
      language: 'Sprache',
      experiencedAt: 'Datum der Erfahrung',
      createdAt: 'Geschrieben',
      confirmedAt: 'Bestätigt',
      editedAt: 'Bearbeitet',
      verification: 'Verifizierung',
      moderation: 'Prüfung',
      reply: 'Antwort des Shops',
      helpfulCount: 'Als hilfreich markiert',
      reports: 'Meldungen',
      url: 'Öffentliche Adresse',
      linkExpiresAt: 'Dieser Link funktioniert bis',
    },
    statuses: {
      unconfirmed: 'Wartet auf Ihre Bestätigung',
      pending: 'Wird geprüft',
      published: 'Veröffentlicht',
      rejected: 'Nicht veröffentlicht',
    },
    verifications: {
      invitation: 'Verifiziert: nach einem Kauf eingeladen',
      'order-reference': 'Verifiziert: per Bestellnummer',
      identity: 'Verifiziert: Nachweis der Erfahrung',
      unverified: 'Nicht verifiziert',
      imported: 'Importiert',
    },
    reasons: {
      offensive: 'beleidigender Sprache',
      personal_data: 'personenbezogener Daten',
      illegal: 'Drohungen oder rechtswidriger Inhalte',
      industry_rule: 'der Regeln der Branche',
      not_genuine: 'fehlender echter Erfahrung',
    },
    rejectedFor: (reason) =>
      `Nicht veröffentlicht wegen ${reason}. Sie können den Text ändern: er wird erneut geprüft.`,
    none: '—',
    editHeading: 'Bewertung ändern',
    editNote: 'Eine geänderte Bewertung wird erneut geprüft und zeigt dann, dass sie bearbeitet wurde, mit Datum.',
    star: (n) => (n === 1 ? '1 Stern' : `${n} Sterne`),
    save: 'Änderungen speichern',
    saved: 'Gespeichert. Ihre Bewertung wird erneut geprüft und dann als bearbeitet veröffentlicht.',
    unchanged: 'Es wurde nichts geändert.',
    invalid: 'Bitte prüfen Sie die markierten Felder.',
    problems: {
      bodyLength: (min, max) => `Zwischen ${min} und ${max} Zeichen.`,
      title: (max) => `Höchstens ${max} Zeichen, in einer Zeile.`,
    },
    withdrawHeading: 'Bewertung zurückziehen',
    withdrawNote:
      'Die Bewertung verschwindet sofort von allen Seiten, und alles, was über sie gespeichert ist, wird gelöscht. Das lässt sich nicht rückgängig machen.',
    withdrawConfirm: 'Ja, meine Bewertung endgültig löschen',
    withdraw: 'Bewertung zurückziehen',
    withdrawn: 'Ihre Bewertung ist zurückgezogen: sie wird nirgends mehr gezeigt, und ihre Daten sind gelöscht.',
    identitySubject: (shop) => `${shop} hat eine Frage zu Ihrer Bewertung`,
    identityIntro: (shop) =>
      `${shop} möchte bestätigen, dass Ihre Bewertung auf einer echten Erfahrung beruht. Bitte teilen Sie mit, was hilft, Ihre Bestellung zu finden: die E-Mail-Adresse der Bestellung, die Bestellnummer, Ihren vollständigen Namen oder Ihre Telefonnummer. Alles ist freiwillig. Nur die Mitarbeitenden des Shops sehen Ihre Antwort; sie wird nie veröffentlicht.`,
    identityButton: 'Antworten',
    identityExpires: (date) => `Sie können bis zum ${date} antworten.`,
    proofSubject: (shop) => `${shop} hat Ihre Bewertung gemeldet: bitte senden Sie einen Nachweis`,
    proofIntro: (shop) =>
      `${shop} hat Ihre Bewertung als nicht auf einer echten Erfahrung beruhend gemeldet, nachdem die frühere Frage unbeantwortet blieb. Bitte senden Sie einen Nachweis Ihrer Erfahrung (zum Beispiel die Bestellnummer oder die E-Mail-Adresse der Bestellung).`,
    proofExpires: (date) =>
      `Ohne Nachweis bis zum ${date} wird die Bewertung aus diesem Grund entfernt, und die Entfernung wird öffentlich gezählt.`,
    identifyNote: 'Nur die Mitarbeitenden des Shops sehen Ihre Antwort; sie wird nie veröffentlicht.',
    identifyFields: {
      email: 'E-Mail-Adresse der Bestellung',
      orderReference: 'Bestellnummer',
      fullName: 'Vollständiger Name',
      phone: 'Telefonnummer',
    },
    optional: 'freiwillig',
    send: 'Senden',
    identifyDone: (shop) => `Danke: Ihre Antwort wurde an ${shop} gesendet. Nur die Mitarbeitenden dort sehen sie.`,
    identifyAlready: 'Diese Frage wurde bereits beantwortet. Danke.',
    identifyEmpty: 'Bitte füllen Sie mindestens ein Feld aus.',
  },
};
