/**
 * The English strings of the list, the quote, the form and the star input. Those widgets (and the
 * dashboard, which shows the same provenance labels and dates) call this before they render;
 * the badge never does, so its page does not carry them.
 */
import { enWidgets } from '../translations/en-widgets.js';
import { addEnglish } from './localize.js';

export function useWidgetStrings(): void {
  addEnglish(enWidgets);
}
