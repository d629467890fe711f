import { plural } from '../internal/plural.js';
import type { Translation } from './en.js';

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('cs', count, forms);

export const cs: Translation = {
  $code: 'cs',
  $name: 'Čeština',
  $dir: 'ltr',

  starsLabel: (rating) => `Hodnocení ${rating} z 5`,
  outOfFive: 'z 5',
  grades: {
    excellent: 'Vynikající',
    good: 'Dobré',
    fair: 'Průměrné',
    poor: 'Špatné',
    very_poor: 'Velmi špatné',
  },
  // Czech has three forms for whole numbers (1 · 2–4 · 0 and 5+) and one for fractions.
  verifiedReviewCount: (count, n) =>
    p(count, {
      one: `${n} ověřená recenze`,
      few: `${n} ověřené recenze`,
      many: `${n} ověřené recenze`,
      other: `${n} ověřených recenzí`,
    }),
  reviewCount: (count, n) =>
    p(count, { one: `${n} recenze`, few: `${n} recenze`, many: `${n} recenze`, other: `${n} recenzí` }),
  noReviews: 'Zatím žádné recenze',
  noScore: 'Zatím bez hodnocení',
  loading: 'Načítání recenzí…',
  unavailable: 'Recenze nejsou momentálně k dispozici',
  invitedShare: (percent) => `Podíl oslovených zákazníků: ${percent}`,
  howVerified: 'Jak ověřujeme recenze',
  close: 'Zavřít',
  disclosureScore: (count, n) =>
    p(count, {
      one: `Hodnocení je průměrem ${n} ověřené recenze z posledních 12 měsíců.`,
      other: `Hodnocení je průměrem ${n} ověřených recenzí z posledních 12 měsíců.`,
    }),
  disclosureNoScore: 'Hodnocení zatím není: za posledních 12 měsíců není žádná ověřená recenze.',
  disclosureVerification:
    'Recenze je ověřená, když byl recenzent pozván po skutečném nákupu nebo doložil objednávku. Neověřené a importované recenze se zobrazují, ale do hodnocení se nikdy nezapočítávají.',
  disclosureHonesty:
    'Každou zveřejněnou recenzi si můžete přečíst bez ohledu na její hodnocení. Recenze kontrolujeme jen kvůli urážlivým výrazům a osobním údajům a nikdo za recenzi nedostává zaplaceno ani odměnu.',
  disclosureTotals: (t) =>
    `Zveřejněno: ${t.published} (ověřené ${t.verified}, neověřené ${t.unverified}, importované ${t.imported}).`,
  disclosureRemoved: (total, n, reasons) =>
    `Odstraněno za posledních 12 měsíců: ${n} ${p(total, { one: 'recenze', few: 'recenze', many: 'recenze', other: 'recenzí' })}, každá z uvedeného důvodu (${reasons}).`,
  disclosureNoneRemoved: 'Za posledních 12 měsíců nebyla odstraněna žádná recenze.',
  removalReasons: {
    offensive: 'urážky',
    personal_data: 'osobní údaje',
    illegal: 'nezákonný obsah',
    industry_rule: 'pravidla odvětví',
    not_genuine: 'nejde o skutečnou zkušenost',
  },
  verificationPolicy: 'Přečtěte si zásady ověřování',
  readAllReviews: 'Přečíst všechny recenze',
  listLabel: 'Recenze zákazníků',
  basedOn: (count, n) =>
    p(count, {
      one: `Na základě ${n} ověřené recenze z posledních 12 měsíců`,
      other: `Na základě ${n} ověřených recenzí z posledních 12 měsíců`,
    }),
  histogramLabel:
    'Hodnocení v ověřených recenzích z posledních 12 měsíců. Vyberte hodnocení a seznam se podle něj vyfiltruje.',
  histogramBar: (stars, count, n) =>
    `${p(stars, { one: `${stars} hvězdička`, few: `${stars} hvězdičky`, other: `${stars} hvězdiček` })}: ${p(count, { one: `${n.count} recenze`, few: `${n.count} recenze`, many: `${n.count} recenze`, other: `${n.count} recenzí` })}, ${n.percent}`,
  sortLabel: 'Seřadit podle',
  sorts: {
    newest: 'Od nejnovějších',
    oldest: 'Od nejstarších',
    highest: 'Nejlepší hodnocení',
    lowest: 'Nejhorší hodnocení',
    helpful: 'Nejužitečnější',
  },
  searchLabel: 'Hledat v recenzích',
  verifiedOnly: 'Jen ověřené recenze',
  languageLabel: 'Jazyk',
  allLanguages: 'Všechny jazyky',
  clearFilters: 'Zrušit filtry',
  showingRatings: (ratings) => `Zobrazeny jen recenze s počtem hvězdiček: ${ratings}`,
  showAll: 'Zobrazit vše',
  resultCount: (shown, total, n) =>
    total === 1
      ? 'Zobrazena 1 recenze'
      : `Zobrazeno ${n.shown} z ${p(total, { one: `${n.total} recenze`, few: `${n.total} recenzí`, other: `${n.total} recenzí` })}`,
  noResults: 'Vašim filtrům neodpovídá žádná recenze.',
  writeFirstReview: 'Napište první recenzi',
  loadError: 'Recenze se nepodařilo načíst.',
  offline: 'Jste offline. Recenze se načtou, až budete znovu online.',
  retry: 'Zkusit znovu',
  showMore: 'Zobrazit další recenze',
  loadedMore: (count, n) =>
    p(count, {
      one: `Načtena ${n} další recenze`,
      few: `Načteny ${n} další recenze`,
      many: `Načteno ${n} dalších recenzí`,
      other: `Načteno ${n} dalších recenzí`,
    }),
  readMore: 'Číst dál',
  showLess: 'Zobrazit méně',
  reviewed: (when) => `Recenze ${when}`,
  experienced: (when) => `Zkušenost: ${when}`,
  edited: (when) => `Upraveno ${when}`,
  provenance: { verified: 'Ověřená', unverified: 'Neověřená', imported: 'Importovaná' },
  provenanceMeaning: {
    invitation: 'pozvánka po nákupu',
    'order-reference': 'doložená objednávka',
    identity: 'ověřená totožnost',
    unverified: 'nákup nebyl doložen; nezapočítává se do hodnocení',
    imported: 'z jiného systému; nezapočítává se do hodnocení',
  },
  replyFrom: (name) => `Odpověď od: ${name}`,
  helpful: 'Užitečné',
  helpfulFailed: 'Váš hlas se nepodařilo uložit. Zkuste to prosím znovu.',
  report: 'Nahlásit',
  reportTitle: 'Nahlásit tuto recenzi',
  reportReasonLegend: 'Proč tuto recenzi nahlašujete?',
  reportReasons: {
    offensive: 'Urážlivý nebo vulgární obsah',
    personal_data: 'Obsahuje osobní údaje',
    not_genuine: 'Nezakládá se na skutečné zkušenosti',
    spam: 'Spam nebo reklama',
    other: 'Něco jiného',
  },
  notGenuineClosed: 'Jako nezaloženou na skutečné zkušenosti lze nahlásit jen recenzi z posledních 12 měsíců.',
  reportNote: 'Chcete nám ještě něco sdělit? (nepovinné)',
  sendReport: 'Odeslat hlášení',
  cancel: 'Zrušit',
  reportSent: 'Děkujeme. Recenzi prověříme.',
  reportFailed: 'Hlášení se nepodařilo odeslat. Zkuste to prosím znovu.',
  linkedReview: 'Odkazovaná recenze',
  readFullReview: 'Přečíst celou recenzi',
  ratingOptions: [
    '1 hvězdička: velmi špatné',
    '2 hvězdičky: špatné',
    '3 hvězdičky: průměrné',
    '4 hvězdičky: dobré',
    '5 hvězdiček: vynikající',
  ],
  formTitle: 'Napsat recenzi',
  ratingLabel: 'Vaše hodnocení',
  titleLabel: 'Nadpis (nepovinné)',
  bodyLabel: 'Vaše recenze',
  reviewLanguageLabel: 'Jazyk vaší recenze',
  bodyCounter: (length, max) => `${length} / ${max}`,
  bodyCounterSpoken: (length, min, max) =>
    length < min
      ? p(min - length, {
          one: 'Chybí ještě 1 znak',
          few: `Chybí ještě ${min - length} znaky`,
          other: `Chybí ještě ${min - length} znaků`,
        })
      : p(max - length, {
          one: 'Zbývá 1 znak',
          few: `Zbývají ${max - length} znaky`,
          other: `Zbývá ${max - length} znaků`,
        }),
  nameLabel: 'Jméno zobrazené u recenze',
  nameHint: 'Stačí křestní jméno a iniciála.',
  emailLabel: 'E-mail',
  emailHint: 'Jen pro potvrzení recenze. Nikdy se nezobrazí.',
  dateLabel: 'Kdy jste nakoupili nebo použili?',
  dateHint: (earliest) => `Nejvýše před 6 měsíci (${earliest} nebo později).`,
  consentLabel: 'Jde o mou vlastní zkušenost a za tuto recenzi jsem nic nedostal(a).',
  honeypotLabel: 'Toto pole nechte prázdné',
  noIncentive: 'Za recenzi nikdo nedostává zaplaceno ani odměnu.',
  moderationNote:
    'Každou recenzi před zveřejněním kontrolujeme kvůli urážlivým výrazům a osobním údajům, nikdy kvůli jejímu hodnocení.',
  invitationNote: 'Byli jste pozváni po nákupu: vaše recenze bude označena jako ověřená.',
  invitationProblems: {
    expired: 'Platnost tohoto odkazu na recenzi vypršela.',
    used: 'Tento odkaz na recenzi už byl k recenzi použit.',
    invalid: 'Tento odkaz na recenzi není platný.',
    mismatch: 'Tento odkaz na recenzi patří k jinému produktu.',
  },
  invitationFallback: 'Recenzi můžete přesto odeslat; zobrazí se jako neověřená.',
  dropInvitation: 'Pokračovat bez ověření',
  submit: 'Odeslat recenzi',
  submitting: 'Odesílání…',
  errorSummary: 'Zkontrolujte prosím tato pole:',
  errors: {
    rating: 'Vyberte hodnocení od 1 do 5 hvězdiček.',
    titleTooLong: (max) => `Nadpis může mít nejvýše ${max} znaků.`,
    bodyRequired: 'Napište o své zkušenosti.',
    bodyTooShort: (min) => `Napište alespoň ${min} znaků.`,
    bodyTooLong: (max) => `Recenze může mít nejvýše ${max} znaků.`,
    nameRequired: 'Zadejte jméno, které se zobrazí u recenze.',
    nameTooShort: (min) => `Zadejte alespoň ${min} znaky.`,
    nameTooLong: (max) => `Jméno může mít nejvýše ${max} znaků.`,
    emailRequired: 'Zadejte svou e-mailovou adresu.',
    emailInvalid: 'Zadejte e-mailovou adresu ve tvaru jmeno@priklad.cz.',
    dateRequired: 'Zadejte, kdy jste zkušenost měli.',
    dateFuture: 'Datum nemůže být v budoucnosti.',
    dateTooOld: (earliest) => `Recenze se týkají zkušeností z posledních 6 měsíců: zvolte ${earliest} nebo později.`,
    consent: 'Potvrďte, že jde o vaši vlastní zkušenost a že jste za ni nic nedostali.',
    productUnknown: 'Tento produkt zde nelze hodnotit.',
    invalid: 'Zkontrolujte toto pole.',
  },
  draftRestored: 'Uchovali jsme recenzi, kterou jste ještě neodeslali.',
  discardDraft: 'Zahodit koncept',
  networkFailed: 'Recenzi se nepodařilo odeslat: spojení selhalo. Nic se neztratilo; zkuste to znovu.',
  serverFailed: 'Na naší straně se něco pokazilo. Nic se neztratilo; zkuste to znovu.',
  rateLimited: (wait) => `Odtud bylo odesláno příliš mnoho recenzí. Zkuste to prosím znovu ${wait}.`,
  alreadySent: 'Tato recenze už byla odeslána. Chcete-li napsat další, zahoďte koncept.',
  thanksTitle: 'Děkujeme za vaši recenzi!',
  thanksPending:
    'Zveřejníme ji, jakmile ji zkontrolujeme kvůli urážlivým výrazům a osobním údajům. Nikdy ji nekontrolujeme kvůli hodnocení.',
  thanksPublished: 'Vaše recenze je zveřejněna.',
};
