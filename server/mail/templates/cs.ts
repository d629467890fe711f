import type { MailTranslation } from './en.js';

export const cs: MailTranslation = {
  $code: 'cs',
  // The shop's and the product's names are not declined: "v obchodě …" and a colon keep them in the nominative.
  subject: ({ shop, product }) =>
    product ? `Jak jste spokojeni? ${product}` : `Jak jste byli spokojeni s nákupem v obchodě ${shop}?`,
  reminderSubject: ({ shop }) => `Připomínka: vaše hodnocení obchodu ${shop}`,
  greeting: ({ name }) => (name ? `Dobrý den, ${name},` : 'Dobrý den,'),
  intro: ({ shop, product }) =>
    product
      ? `Děkujeme za nákup v obchodě ${shop} (${product}). Řeknete ostatním zákazníkům, jak jste spokojeni?`
      : `Děkujeme za vaši objednávku v obchodě ${shop}. Řeknete ostatním zákazníkům, jak jste byli spokojeni?`,
  reminderIntro: ({ shop }) =>
    `Před několika dny vás obchod ${shop} požádal o hodnocení. Pokud máte chvilku, vaše zkušenost pomůže ostatním zákazníkům.`,
  button: 'Napsat hodnocení',
  linkLine: 'Nebo otevřete tento odkaz:',
  honesty: 'Každé hodnocení je zveřejněno bez ohledu na počet hvězdiček: dobré i špatné pomáhá ostatním.',
  noIncentive: 'Za hodnocení nikdo nedostává zaplaceno ani žádnou odměnu a je jen na vás, zda ho napíšete.',
  expires: (date) => `Odkaz lze použít jednou, nejpozději ${date}.`,
  why: ({ shop }) => `Tento e-mail dostáváte, protože jste nakoupili v obchodě ${shop}.`,
  unsubscribe: ({ shop }) => `Už žádné žádosti o hodnocení od obchodu ${shop}`,
  optOutTitle: 'Žádosti o hodnocení',
  optOutQuestion: (shop) => `Chcete přestat dostávat žádosti o hodnocení od obchodu ${shop}?`,
  optOutButton: 'Ano, už žádné žádosti',
  optOutDone: (shop) => `Hotovo: od obchodu ${shop} už žádné žádosti o hodnocení nedostanete.`,
  optOutUnknown: 'Tento odkaz neznáme. Možná je chybně opsaný.',
};
