import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { accessibilityNode, description, until, visibleText } from '../../../test/helpers/events.js';
import './define.js';
import type { VerityStarInput } from './star-input.js';

const radios = (el: VerityStarInput) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const checked = (el: VerityStarInput) => radios(el).findIndex((r) => r.getAttribute('aria-checked') === 'true') + 1;

describe('<verity-star-input>', () => {
  it('is a labelled radio group with a spoken label per star', async () => {
    const el = await fixture<VerityStarInput>(
      html`<verity-star-input label="Your rating" locale="en"></verity-star-input>`,
    );
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Your rating');
    expect(radios(el).map((r) => r.getAttribute('aria-label'))).to.deep.equal([
      '1 star: very poor',
      '2 stars: poor',
      '3 stars: fair',
      '4 stars: good',
      '5 stars: excellent',
    ]);
    await expect(el).to.be.accessible();
  });

  it('announces its error: the radio group is invalid and described by the message', async () => {
    const el = await fixture<VerityStarInput>(
      html`<verity-star-input
        label="Your rating"
        locale="en"
        required
        error="Choose a rating from 1 to 5 stars."
      ></verity-star-input>`,
    );
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(description(group)).to.equal('Choose a rating from 1 to 5 stars.');
    expect(visibleText(el.shadowRoot!)).to.equal('Choose a rating from 1 to 5 stars.');
    const spoken = await accessibilityNode('[role="radiogroup"]');
    if (spoken) {
      expect(spoken).to.include({ role: 'radiogroup', name: 'Your rating', invalid: 'true' });
      expect(spoken.description).to.equal('Choose a rating from 1 to 5 stars.');
    }
    await expect(el).to.be.accessible();
    el.error = '';
    await el.updateComplete;
    expect(group.getAttribute('aria-invalid')).to.equal('false');
    expect(group.hasAttribute('aria-describedby')).to.equal(false);
    expect(visibleText(el.shadowRoot!)).to.equal('');
  });

  it('is operated by keyboard alone: Tab, arrows, Home and End', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <button>before</button><verity-star-input label="Rating" locale="en"></verity-star-input><button>after</button>
      </div>`,
    );
    const el = root.querySelector('verity-star-input')!;
    root.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal(3);
    expect(checked(el)).to.equal(3);
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[2]);
    await sendKeys({ press: 'End' });
    expect(el.value).to.equal(5);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.value).to.equal(4);
    await sendKeys({ press: 'Home' });
    expect(el.value).to.equal(1);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(root.querySelectorAll('button')[1]);
    // One tab stop: coming back, Tab lands on the chosen star.
    el.value = 4;
    await el.updateComplete;
    root.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[3]);
  });

  it('previews on hover without choosing, and chooses on click', async () => {
    const el = await fixture<VerityStarInput>(html`<verity-star-input value="2" locale="en"></verity-star-input>`);
    radios(el)[3]!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(radios(el).filter((r) => r.classList.contains('preview')).length).to.equal(4);
    expect(el.value).to.equal(2);
    el.shadowRoot!.querySelector('[role="radiogroup"]')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(radios(el).filter((r) => r.classList.contains('preview')).length).to.equal(2);
    let changes = 0;
    el.addEventListener('change', () => (changes += 1));
    radios(el)[3]!.click();
    expect(el.value).to.equal(4);
    expect(changes).to.equal(1);
  });

  it('takes part in a plain <form>: FormData, required, reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <verity-star-input name="rating" required value="" locale="en"></verity-star-input>
        <input name="other" value="x" />
      </form>`,
    );
    const el = form.querySelector('verity-star-input')!;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Choose a rating from 1 to 5 stars.');
    expect(new FormData(form).get('rating')).to.equal(null);
    radios(el)[4]!.click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('rating')).to.equal('5');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(0);
    expect(new FormData(form).get('rating')).to.equal(null);
  });

  it('resets to the value it was written with', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><verity-star-input name="r" value="3"></verity-star-input></form>`,
    );
    const el = form.querySelector('verity-star-input')!;
    radios(el)[0]!.click();
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(3);
  });

  it('cannot be changed when disabled, also through a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><verity-star-input name="r" value="2"></verity-star-input></fieldset>
      </form>`,
    );
    const el = form.querySelector('verity-star-input')!;
    await el.updateComplete;
    radios(el)[4]!.click();
    expect(el.value).to.equal(2);
    expect(radios(el).every((r) => r.tabIndex === -1)).to.equal(true);
    // A disabled control is not submitted.
    expect(new FormData(form).get('r')).to.equal(null);
  });

  it('speaks its labels in each locale and is accessible in the dark theme', async () => {
    const el = await fixture<VerityStarInput>(html`<verity-star-input locale="cs" theme="dark"></verity-star-input>`);
    await until(() => radios(el)[4]!.getAttribute('aria-label') === '5 hvězdiček: vynikající', 'not Czech');
    await expect(el).to.be.accessible();
  });
});
