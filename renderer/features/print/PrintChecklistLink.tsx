import { Printer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/router';
import { checklistPath } from './options';
import './print.css';

/** “打印清单”: opens the print preview for a department, or for one of its measures. */
export function PrintChecklistLink({ department, measure }: { department: string; measure?: string }) {
  const { t } = useTranslation();
  return (
    <a
      className="button button-small print-checklist-link"
      href={href(checklistPath, { department, measure })}
      data-testid="print-checklist-link"
    >
      <Printer size={15} aria-hidden />
      {t('print.screen.printCheckList')}
    </a>
  );
}
