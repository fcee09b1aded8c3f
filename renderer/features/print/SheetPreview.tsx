import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../shared/api/calls/print';
import { pageMarginsMm } from '../../../shared/print/pdf-options';
import { ChecklistDocument, type DocumentOptions } from './ChecklistDocument';

/** A4 widths in CSS pixels (96 per inch) for fitting the preview sheet. */
const sheetWidthPx = { portrait: (210 / 25.4) * 96, landscape: (297 / 25.4) * 96 } as const;
/** Space between the running header's rule and the text, as the @page header box leaves it. */
const headerGapMm = 5;

/** The paper on the screen: a white A4-wide sheet on grey, scaled down to fit when the window is narrow. */
export function SheetPreview({ checklist, options }: { checklist: Checklist; options: DocumentOptions }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const m = pageMarginsMm[options.orientation];
  useEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    const fit = () => {
      const available = element.clientWidth - 48;
      setZoom(Math.min(1, Math.max(0.4, available / sheetWidthPx[options.orientation])));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [options.orientation]);

  return (
    <section className="print-preview" ref={frame} aria-label={t('print.screen.preview')}>
      <div
        className={`print-sheet print-sheet-${options.orientation}`}
        style={{ zoom, padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm` }}
      >
        <div
          className="print-sheet-header"
          style={{ top: 0, left: `${m.left}mm`, right: `${m.right}mm`, height: `${m.top - headerGapMm}mm` }}
          aria-hidden
        >
          <span>{t('print.doc.runningTitle', { department: checklist.department })}</span>
          <span>{checklist.plan.docNumber ?? checklist.plan.title}</span>
        </div>
        <ChecklistDocument checklist={checklist} options={options} />
      </div>
    </section>
  );
}
