import { showError } from "./notice";

/**
 * Runs one call while `buttons` are disabled and `section` shows that it is
 * loading; a failure becomes a sentence in the notice. Resolves to the
 * call's result, or undefined when it failed.
 */
export async function whileBusy<T>(
  section: HTMLElement,
  buttons: readonly HTMLButtonElement[],
  task: () => Promise<T>,
): Promise<T | undefined> {
  const before = buttons.map((button) => button.disabled);
  for (const button of buttons) button.disabled = true;
  section.setAttribute("aria-busy", "true");
  try {
    return await task();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    section.removeAttribute("aria-busy");
    buttons.forEach((button, i) => (button.disabled = before[i] ?? false));
  }
}
