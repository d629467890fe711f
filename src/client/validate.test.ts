import { expect } from '@open-wc/testing';
import { validateReviewInput } from './validate.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const valid = {
  rating: 5,
  title: '  Lovely  ',
  body: '  Fresh beans, quick delivery and a friendly note in the box.  ',
  authorName: ' Anna L. ',
  email: 'anna@mail.example',
  experiencedAt: '2026-11-10',
  language: 'sv',
  consent: true,
  website: '',
};

describe('validateReviewInput: the form, the mocks and the server agree', () => {
  it('accepts a valid review and trims its text', () => {
    const result = validateReviewInput(valid, NOW);
    expect(result.success).to.equal(true);
    if (!result.success) return;
    expect(result.data.title).to.equal('Lovely');
    expect(result.data.body).to.equal('Fresh beans, quick delivery and a friendly note in the box.');
    expect(result.data.authorName).to.equal('Anna L.');
  });

  it('turns a blank title into no title', () => {
    const result = validateReviewInput({ ...valid, title: '   ' }, NOW);
    expect(result.success && result.data.title).to.equal(null);
  });

  it('names one problem per field, as codes', () => {
    const result = validateReviewInput(
      { rating: 0, body: 'short', authorName: '', consent: false, experiencedAt: 'yesterday', language: 'sv' },
      NOW,
    );
    expect(result.success).to.equal(false);
    if (result.success) return;
    expect(result.fields).to.deep.equal({
      rating: 'invalid',
      body: 'too_short',
      authorName: 'required',
      consent: 'required',
      experiencedAt: 'invalid',
      email: 'required',
    });
  });

  it('says too_long for text over the limits', () => {
    const result = validateReviewInput({ ...valid, title: 'x'.repeat(121), body: 'y'.repeat(5001) }, NOW);
    expect(!result.success && result.fields).to.deep.equal({ title: 'too_long', body: 'too_long' });
  });

  it('needs no e-mail with an invitation, and checks an e-mail that is given', () => {
    expect(validateReviewInput({ ...valid, email: undefined, invitationToken: 'tok' }, NOW).success).to.equal(true);
    const result = validateReviewInput({ ...valid, email: 'not-an-address' }, NOW);
    expect(!result.success && result.fields).to.deep.equal({ email: 'invalid' });
  });

  it('applies R7: not in the future, not more than 6 months back', () => {
    expect(!validateReviewInput({ ...valid, experiencedAt: '2026-04-30' }, NOW).success).to.equal(true);
    const old = validateReviewInput({ ...valid, experiencedAt: '2026-04-30' }, NOW);
    expect(!old.success && old.fields.experiencedAt).to.equal('too_old');
    const future = validateReviewInput({ ...valid, experiencedAt: '2026-12-24' }, NOW);
    expect(!future.success && future.fields.experiencedAt).to.equal('future');
  });

  it('refuses control characters, but keeps line breaks and tabs in the text (CRLF as LF)', () => {
    const result = validateReviewInput(
      {
        ...valid,
        title: 'Bell\u0007',
        authorName: 'Anna\u0000',
        body: `${valid.body}\u001b[31m`,
        language: 's\u0000v',
      },
      NOW,
    );
    expect(!result.success && result.fields).to.deep.equal({
      title: 'invalid',
      authorName: 'invalid',
      body: 'invalid',
      language: 'invalid',
    });
    const lines = validateReviewInput({ ...valid, body: 'Fresh beans,\r\n\tquick delivery\r\nand a note.' }, NOW);
    expect(lines.success && lines.data.body).to.equal('Fresh beans,\n\tquick delivery\nand a note.');
  });

  it('refuses a name, title or text made only of characters that show nothing', () => {
    const invisible = '\u200B\u200D\u2060\u3164\uFEFF';
    const result = validateReviewInput(
      { ...valid, authorName: invisible, title: invisible, body: invisible.repeat(5) },
      NOW,
    );
    expect(!result.success && result.fields).to.deep.equal({
      authorName: 'invalid',
      title: 'invalid',
      body: 'invalid',
    });
    // Joiners inside a name that shows are fine (an emoji family, a Persian name).
    expect(validateReviewInput({ ...valid, authorName: 'Ali 👨\u200D👩\u200D👧' }, NOW).success).to.equal(true);
  });

  it('rejects what is not an object', () => {
    expect(validateReviewInput(null, NOW).success).to.equal(false);
    expect(validateReviewInput('review', NOW).success).to.equal(false);
  });
});
