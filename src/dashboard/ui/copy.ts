/**
 * Copies text to the clipboard: the Clipboard API where the page may use it, else the text of
 * `field` selected and copied the old way. Resolves `false` when neither worked: the text is then
 * left selected for the member to copy with the keyboard.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here (no focus, no permission, an insecure page): try the selection.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
