/**
 * Review texts for the fixture generator, in the four built-in languages, by sentiment. Written
 * to read like real shop reviews: the stories and the demo should look like a real shop.
 */
export type Sentiment = 'positive' | 'mixed' | 'negative';
export type FixtureLanguage = 'en' | 'sv' | 'cs' | 'de';

export interface ReviewText {
  title: string | null;
  body: string;
}

export const TEXTS: Record<FixtureLanguage, Record<Sentiment, ReviewText[]>> = {
  en: {
    positive: [
      {
        title: 'Best espresso beans I have bought online',
        body: 'Arrived two days after roasting, well packed, and the crema is fantastic. I have ordered three times now and the quality has been the same every time.',
      },
      {
        title: 'Fast delivery, lovely coffee',
        body: 'Ordered on Monday, had it on Wednesday. The filter roast is fruity without being sour. Will order again.',
      },
      {
        title: null,
        body: 'Friendly customer service: they helped me choose a roast for my moka pot and the advice was spot on.',
      },
      {
        title: 'Great grinder for the price',
        body: 'The hand grinder is solid, easy to adjust and gives an even grind for pour-over. Takes about a minute for one cup, which is fine for me.',
      },
      {
        title: 'Reliable every time',
        body: 'Subscription has run for a year without a single late delivery. Easy to pause when we travel.',
      },
    ],
    mixed: [
      {
        title: 'Good coffee, slow shipping',
        body: 'The coffee itself is excellent, but delivery took eight days and nobody answered my e-mail about it until the parcel had arrived.',
      },
      {
        title: 'Nice, but a bit pricey',
        body: 'Tasty and fresh, no complaints about quality. For everyday drinking it is more than I want to spend, so I keep it for weekends.',
      },
      {
        title: null,
        body: 'The medium roast was more bitter than the description suggested. The dark roast was better. Packaging is nice and recyclable.',
      },
    ],
    negative: [
      {
        title: 'Bag arrived torn',
        body: 'Half of the beans were loose in the box. Customer service offered a refund, but it took two weeks to arrive.',
      },
      {
        title: 'Not for me',
        body: 'Very sour filter coffee, I could not finish the bag. The description said chocolate and nuts; I tasted lemon.',
      },
      {
        title: 'Wrong item sent',
        body: 'I ordered whole beans and received ground coffee. The replacement came quickly, but I had to pay the return postage myself.',
      },
    ],
  },
  sv: {
    positive: [
      {
        title: 'Bästa kaffet jag köpt på nätet',
        body: 'Kom två dagar efter rostning och var väl förpackat. Espresson får en fin crema och smakar choklad och hasselnöt. Har beställt tre gånger nu.',
      },
      {
        title: 'Snabb leverans',
        body: 'Beställde på måndagen och hade paketet på onsdagen. Filterkaffet är fruktigt utan att vara surt. Beställer gärna igen!',
      },
      {
        title: null,
        body: 'Trevlig kundtjänst som hjälpte mig att välja rätt rostning till min mokabryggare. Rådet var klockrent.',
      },
      {
        title: 'Prisvärd kvarn',
        body: 'Handkvarnen är stadig, lätt att ställa in och ger en jämn malning till pour-over. Tar ungefär en minut per kopp.',
      },
      {
        title: 'Pålitligt varje gång',
        body: 'Prenumerationen har rullat i ett år utan en enda sen leverans. Enkelt att pausa när vi reser bort.',
      },
      {
        title: 'Fantastiskt gott',
        body: 'Mörkrosten är precis som jag vill ha den: fyllig, lite rökig och aldrig bränd i smaken. Hela familjen är nöjd.',
      },
    ],
    mixed: [
      {
        title: 'Gott kaffe, långsam frakt',
        body: 'Själva kaffet är utmärkt, men leveransen tog åtta dagar och ingen svarade på mitt mejl förrän paketet redan kommit.',
      },
      {
        title: 'Bra men lite dyrt',
        body: 'Gott och färskt, inget att klaga på när det gäller kvaliteten. Till vardags blir det för dyrt för oss, så det får bli helgkaffe.',
      },
      {
        title: null,
        body: 'Mellanrosten var beskare än beskrivningen lovade. Mörkrosten var bättre. Förpackningen är snygg och går att återvinna.',
      },
    ],
    negative: [
      {
        title: 'Påsen var trasig',
        body: 'Halva påsen låg löst i kartongen. Kundtjänst erbjöd återbetalning men det tog två veckor innan pengarna kom.',
      },
      {
        title: 'Inte för mig',
        body: 'Väldigt surt filterkaffe, jag kunde inte dricka upp påsen. Beskrivningen lovade choklad och nötter, jag kände mest citron.',
      },
      {
        title: 'Fel vara skickades',
        body: 'Jag beställde hela bönor och fick malet kaffe. Ersättningen kom snabbt, men returfrakten fick jag betala själv.',
      },
    ],
  },
  cs: {
    positive: [
      {
        title: 'Nejlepší zrnková káva z e-shopu',
        body: 'Dorazila dva dny po pražení, skvěle zabalená. Espresso má krásnou cremu a chutná po čokoládě a lískových oříšcích. Objednávám už potřetí.',
      },
      {
        title: 'Rychlé doručení',
        body: 'Objednáno v pondělí, ve středu jsem měl balík doma. Filtrová káva je ovocná, ale ne kyselá. Určitě objednám znovu.',
      },
      {
        title: null,
        body: 'Milá zákaznická podpora mi poradila s výběrem pražení pro moka konvičku a trefili se přesně.',
      },
      {
        title: 'Mlýnek za dobrou cenu',
        body: 'Ruční mlýnek je pevný, snadno se nastavuje a mele rovnoměrně. Na jeden šálek to trvá asi minutu.',
      },
    ],
    mixed: [
      {
        title: 'Dobrá káva, pomalá doprava',
        body: 'Káva samotná je výborná, ale doručení trvalo osm dní a na můj e-mail nikdo neodpověděl, dokud balík nedorazil.',
      },
      {
        title: 'Chutné, ale dražší',
        body: 'Čerstvé a chutné, kvalitě nemám co vytknout. Na každý den je to na nás moc drahé, takže ji pijeme o víkendu.',
      },
    ],
    negative: [
      {
        title: 'Roztržený sáček',
        body: 'Polovina zrn byla volně v krabici. Podpora nabídla vrácení peněz, ale trvalo to dva týdny.',
      },
      {
        title: 'Nic pro mě',
        body: 'Velmi kyselá filtrová káva, sáček jsem nedopil. Popis sliboval čokoládu a ořechy, cítil jsem hlavně citron.',
      },
    ],
  },
  de: {
    positive: [
      {
        title: 'Die besten Espressobohnen online',
        body: 'Zwei Tage nach der Röstung angekommen und gut verpackt. Der Espresso hat eine tolle Crema und schmeckt nach Schokolade und Haselnuss. Schon dreimal bestellt.',
      },
      {
        title: 'Schnelle Lieferung',
        body: 'Montag bestellt, Mittwoch geliefert. Der Filterkaffee ist fruchtig, ohne sauer zu sein. Gerne wieder!',
      },
      {
        title: null,
        body: 'Sehr freundlicher Kundenservice: Man hat mir bei der Wahl der Röstung für meinen Espressokocher geholfen, und der Tipp war genau richtig.',
      },
      {
        title: 'Zuverlässig',
        body: 'Das Abo läuft seit einem Jahr ohne eine einzige verspätete Lieferung. Pausieren im Urlaub ist ganz einfach.',
      },
    ],
    mixed: [
      {
        title: 'Guter Kaffee, langsamer Versand',
        body: 'Der Kaffee selbst ist ausgezeichnet, aber die Lieferung dauerte acht Tage, und auf meine E-Mail hat erst nach Ankunft des Pakets jemand geantwortet.',
      },
      {
        title: 'Lecker, aber teuer',
        body: 'Frisch und aromatisch, an der Qualität gibt es nichts auszusetzen. Für jeden Tag ist er uns zu teuer, also gibt es ihn am Wochenende.',
      },
    ],
    negative: [
      {
        title: 'Beutel kam kaputt an',
        body: 'Die Hälfte der Bohnen lag lose im Karton. Der Kundenservice bot eine Erstattung an, die aber zwei Wochen dauerte.',
      },
      {
        title: 'Nichts für mich',
        body: 'Sehr saurer Filterkaffee, ich habe den Beutel nicht leer bekommen. Beschrieben war Schokolade und Nuss, geschmeckt habe ich Zitrone.',
      },
    ],
  },
};

export const NAMES: Record<FixtureLanguage, { names: string[]; countries: string[] }> = {
  en: {
    names: ['Emily R.', 'James T.', 'Olivia B.', 'Harry W.', 'Sophie K.', 'Daniel M.', 'Grace P.'],
    countries: ['GB', 'IE', 'US'],
  },
  sv: {
    names: ['Anna L.', 'Erik J.', 'Maja S.', 'Johan K.', 'Elin N.', 'Oskar B.', 'Karin H.', 'Lars P.'],
    countries: ['SE', 'SE', 'FI'],
  },
  cs: { names: ['Jana N.', 'Petr D.', 'Lucie K.', 'Tomáš S.', 'Eva H.', 'Martin P.'], countries: ['CZ', 'CZ', 'SK'] },
  de: {
    names: ['Laura M.', 'Jonas W.', 'Lena S.', 'Felix K.', 'Miriam B.', 'Tobias H.'],
    countries: ['DE', 'AT', 'CH'],
  },
};

export const REPLIES: Record<FixtureLanguage, string[]> = {
  en: [
    'Thank you for taking the time to write this. We have passed it on to the team.',
    'We are sorry about this. Please write to support@… with your order number and we will put it right.',
  ],
  sv: [
    'Tack för att du tog dig tid att skriva! Vi har skickat vidare det till hela teamet.',
    'Vi beklagar verkligen. Hör av dig till kundtjänst med ditt ordernummer så ordnar vi det.',
  ],
  cs: [
    'Děkujeme, že jste si udělali čas na recenzi. Předali jsme ji celému týmu.',
    'Moc nás to mrzí. Napište nám prosím číslo objednávky a vše napravíme.',
  ],
  de: [
    'Vielen Dank, dass Sie sich die Zeit genommen haben! Wir haben es an das ganze Team weitergegeben.',
    'Das tut uns sehr leid. Bitte schreiben Sie uns mit Ihrer Bestellnummer, wir kümmern uns darum.',
  ],
};

/** Text that tries to become markup or a link: it must always render as inert text. */
export const HOSTILE_TEXTS: ReviewText[] = [
  {
    title: '<script>alert("title")</script>',
    body: 'Nice beans <img src=x onerror="alert(1)"> and <a href="javascript:alert(2)">click me</a> — also see javascript:alert(3) for details.',
  },
  {
    title: 'Refund \u202Egnp.exe\u202C please',
    body: 'Bidi override \u202Ereversed text\u202C and a zero\u200Bwidth space. {{constructor.constructor("alert(4)")()}} ${alert(5)} <style>*{display:none}</style>',
  },
];

export const LONG_TEXT: ReviewText = {
  title: 'A long and honest account of six months with the subscription',
  body: [
    'I signed up for the monthly subscription in spring after a friend served me their espresso, and I want to give a fair picture because reviews helped me choose.',
    'The good: every bag has arrived within a week of roasting, the packaging is compostable and the taste has been consistent from bag to bag. The Nordlys espresso works well both in my machine and in an AeroPress, and the tasting notes on the bag are honest.',
    'The less good: twice the parcel was left outside my door in the rain, which is the courier’s fault but still worth knowing. Customer service answered within a day both times and sent a free bag, which I appreciated but did not ask for.',
    'The website could be clearer about grind sizes; I ordered the wrong grind once. Changing the subscription is easy, pausing it is easy, and cancelling looked easy too, although I have not done it.',
    'Price-wise it is more than the supermarket and less than a café. For me that is fair for beans this fresh. I would recommend starting with the sampler before committing to a subscription, so you can find the roast you like.',
    'Overall: very happy, four and a half stars if I could.',
  ].join('\n\n'),
};

export const EMOJI_TEXT: ReviewText = {
  title: 'Love it ☕️❤️',
  body: 'Perfect morning coffee 😍☕️ My partner says it is the best we have had 👌🏽 Will order again 🎉',
};

export const ONE_LINER: ReviewText = { title: null, body: 'Great coffee, fast delivery.' };

/** Right-to-left text (Arabic): the card must lay it out right to left. */
export const RTL_TEXT: ReviewText = {
  title: 'قهوة رائعة وتوصيل سريع',
  body: 'وصلت القهوة بعد يومين من التحميص وكانت طازجة جداً. الطعم غني ومتوازن، وسأطلب مرة أخرى بالتأكيد.',
};
