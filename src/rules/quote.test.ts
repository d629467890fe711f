import { expect } from '@open-wc/testing';
import { EMOJI_TEXT, HOSTILE_TEXTS, LONG_TEXT, RTL_TEXT, TEXTS } from '../mocks/texts.js';
import { autoExcerpt, checkQuote } from './quote.js';
import type { QuoteProblem } from './quote.js';

const review = {
  title: 'Best espresso beans I have bought online',
  body:
    'Arrived two days after roasting, well packed, and the crema is fantastic. The coffee was not bitter at all.\n\n' +
    'I have ordered three times now and the quality has been the same every time. Café crème is my favourite!',
};

type Case = [name: string, excerpt: string, expected: true | QuoteProblem];

const CASES: Case[] = [
  ['an exact sentence', 'Arrived two days after roasting, well packed, and the crema is fantastic.', true],
  ['an exact phrase from mid-sentence', 'well packed, and the crema is fantastic', true],
  ['an omission marked with …', 'Arrived two days after roasting … the crema is fantastic.', true],
  ['an omission marked with ...', 'Arrived two days after roasting ... the crema is fantastic.', true],
  [
    'an omission across sentences',
    'Arrived two days after roasting, well packed … the quality has been the same every time.',
    true,
  ],
  ['an ellipsis without spaces', 'Arrived…fantastic.', true],
  ['a dropped comma marked by an ellipsis', 'Arrived two days after roasting... well packed', true],
  ['an ellipsis at the start', '… the crema is fantastic.', true],
  ['an ellipsis at the end', 'Arrived two days after roasting …', true],
  ['ellipses at both ends', '… well packed …', true],
  ['different white space and line breaks', 'Arrived  two days\nafter   roasting', true],
  ['a quote across the paragraph break', 'The coffee was not bitter at all. I have ordered three times now', true],
  ['decomposed Unicode against composed text', 'Cafe\u0301 cre\u0300me is my favourite!', true],
  ['a fragment from the title', 'Best espresso beans I have bought online', true],
  ['the title, then the body', 'Best espresso beans … Arrived two days after roasting', true],
  ['a word that occurs several times, in order', 'the … the … the', true],
  ['reordered fragments', 'the crema is fantastic … Arrived two days after roasting', 'not_found'],
  ['the body, then the title', 'Arrived two days … Best espresso beans', 'not_found'],
  ['a changed word', 'Arrived three days after roasting', 'not_found'],
  ['a dropped "not"', 'The coffee was bitter at all.', 'not_found'],
  ['a changed case', 'arrived two days after roasting', 'not_found'],
  ['a removed comma', 'Arrived two days after roasting well packed', 'not_found'],
  ['added punctuation', 'Arrived two days after roasting, well packed!', 'not_found'],
  [
    'non-adjacent text joined without an ellipsis',
    'Arrived two days after roasting the crema is fantastic.',
    'not_found',
  ],
  ['a quote spanning the title and the body without an ellipsis', 'I have bought online Arrived two days', 'not_found'],
  ['overlapping fragments', 'the crema is fantastic … is fantastic.', 'not_found'],
  ['added quotation marks', '“Arrived two days after roasting”', 'not_found'],
  ['text from another review', 'Fast delivery, lovely coffee', 'not_found'],
  ['markup', '<script>alert(1)</script>', 'not_found'],
  ['a fragment starting inside a word', 'rived two days', 'cuts_word'],
  ['a fragment ending inside a word', 'Arrived two da', 'cuts_word'],
  ['an empty excerpt', '', 'empty'],
  ['white space only', '   \n ', 'empty'],
  ['an ellipsis only', '…', 'empty'],
  ['two ellipses with nothing between', 'Arrived … … fantastic.', 'empty_fragment'],
];

describe('R5: checkQuote', () => {
  for (const [name, excerpt, expected] of CASES) {
    it(`${expected === true ? 'accepts' : 'rejects'} ${name}`, () => {
      const verdict = checkQuote(excerpt, review);
      if (expected === true) expect(verdict, JSON.stringify(verdict)).to.deep.include({ verbatim: true });
      else expect(verdict).to.deep.include({ verbatim: false, problem: expected });
    });
  }

  it('has a table of at least 30 cases', () => {
    expect(CASES.length).to.be.at.least(30);
  });

  it('compares a composed excerpt with decomposed review text', () => {
    const decomposed = { title: null, body: review.body.normalize('NFD') };
    expect(checkQuote('Café crème is my favourite!', decomposed)).to.deep.include({ verbatim: true });
  });

  it('needs a title to quote one', () => {
    expect(checkQuote('Best espresso', { title: null, body: review.body })).to.deep.include({ verbatim: false });
  });
});

describe('R5: autoExcerpt', () => {
  it('keeps a short body whole', () => {
    expect(autoExcerpt('Great coffee, fast delivery.')).to.equal('Great coffee, fast delivery.');
  });

  it('takes whole sentences from the start and marks the rest with …', () => {
    const excerpt = autoExcerpt(review.body, 120);
    expect(excerpt).to.equal(
      'Arrived two days after roasting, well packed, and the crema is fantastic. The coffee was not bitter at all. …',
    );
    expect(excerpt.length).to.be.at.most(120);
  });

  it('cuts a first sentence that is too long at a word boundary', () => {
    const excerpt = autoExcerpt(review.body, 40);
    expect(excerpt).to.equal('Arrived two days after roasting, well…');
    expect(excerpt.length).to.be.at.most(40);
  });

  it('always makes a verbatim excerpt, never cut inside a word', () => {
    const bodies = [
      review.body,
      LONG_TEXT.body,
      EMOJI_TEXT.body,
      RTL_TEXT.body,
      ...HOSTILE_TEXTS.map((t) => t.body),
      ...Object.values(TEXTS).flatMap((bySentiment) =>
        Object.values(bySentiment).flatMap((texts) => texts.map((t) => t.body)),
      ),
    ];
    for (const body of bodies) {
      for (const max of [20, 33, 60, 90, 160, 300]) {
        const excerpt = autoExcerpt(body, max);
        const verdict = checkQuote(excerpt, { title: null, body });
        expect(verdict, `${max}: ${excerpt}`).to.deep.include({ verbatim: true });
        expect(excerpt.length, excerpt).to.be.at.most(Math.max(max, 20));
      }
    }
  });
});
