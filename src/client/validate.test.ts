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

  it('rejects what is not an object', () => {
    expect(validateReviewInput(null, NOW).success).to.equal(false);
    expect(validateReviewInput('review', NOW).success).to.equal(false);
  });
});
