import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../shared/api/calls/print';
import { pageCss } from '../../../shared/print/pdf-options';
import { ChecklistDocument, type DocumentOptions } from './ChecklistDocument';
import { usePageStyle } from './pageStyle';

/** The document with its `@page` rule (A4, margins, running header and page numbers): what gets printed. */
export function PrintedChecklist({ checklist, options }: { checklist: Checklist; options: DocumentOptions }) {
  const { t } = useTranslation();
  usePageStyle(
    pageCss(options.orientation, {
      headerLeft: t('print.doc.runningTitle', { department: checklist.department }),
      headerRight: checklist.plan.docNumber ?? checklist.plan.title,
      pageTemplate: t('print.doc.page', { page: '{{page}}', pages: '{{pages}}' }),
    }),
  );
  return <ChecklistDocument checklist={checklist} options={options} />;
}
