/** The options page's status line: what a section reports after a save, a removal or an import. */
import { i18n } from '#i18n';

export interface Status {
  text: string;
  error: boolean;
}

export type Report = (text: string, error?: boolean) => void;

/** Run a save and report the outcome in the status line. */
export async function saveAndReport(save: () => Promise<void>, report: Report): Promise<boolean> {
  try {
    await save();
    report(i18n.t('options.saved'));
    return true;
  } catch (error) {
    report(i18n.t('options.notSaved', [error instanceof Error ? error.message : String(error)]), true);
    return false;
  }
}
