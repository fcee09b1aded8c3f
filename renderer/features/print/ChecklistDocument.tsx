import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../shared/api/calls/print';
import { taskStatuses } from '../../../shared/api/calls/workspace';
import { isTaskOverdue } from '../../../shared/workspace/progress';
import { formatDate } from '../../components/format';
import { bodyText, layoutChecklist, type MeasureBlock, type NumberedTask } from './model';
import { isFiltered, shownStatuses, type ChecklistOptions } from './options';

export type DocumentOptions = Pick<ChecklistOptions, 'statuses' | 'done' | 'notes' | 'text' | 'orientation'>;

/** Empty ruled rows under a measure not yet broken down, to write tasks in by hand. */
const blankRowsForNewMeasure = 2;

/**
 * The printed task checklist: title block like an official paper, one table grouped by
 * chapter, group and measure, a ticked or empty box per task, a blank remarks column and
 * sign-off lines. Styled by print.css for screen preview and A4 alike; black and white only.
 */
export function ChecklistDocument({ checklist, options }: { checklist: Checklist; options: DocumentOptions }) {
  const { t, i18n } = useTranslation();
  const layout = layoutChecklist(checklist, options);
  const columns = options.notes ? 8 : 7;
  const shown = shownStatuses(options);
  const filteredLabel = taskStatuses
    .filter((status) => shown.has(status))
    .map((status) => t(`workspace.status.${status}`))
    .join(t('listSeparator'));

  return (
    <article
      className={`print-document print-${options.orientation}${options.notes ? ' pd-with-notes' : ''}`}
      data-testid="print-document"
      data-orientation={options.orientation}
      data-tasks={layout.totals.shown}
    >
      <header className="pd-head">
        <h1 className="pd-title">{t('print.doc.title')}</h1>
        <p className="pd-plan">{checklist.plan.title}</p>
        {checklist.plan.docNumber && <p className="pd-number">{checklist.plan.docNumber}</p>}
        <div className="pd-rule" aria-hidden />
        <div className="pd-meta">
          <span>
            {t('print.doc.department')}
            <strong>{checklist.department}</strong>
          </span>
          <span>{t('print.doc.summary', layout.totals)}</span>
          <span>
            {t('print.doc.printedAt')}
            {formatDate(checklist.printedAt, i18n.language)}
          </span>
        </div>
        {isFiltered(options) && <p className="pd-filter">{t('print.doc.filtered', { statuses: filteredLabel })}</p>}
      </header>

      <table className="pd-table">
        <colgroup>
          <col className="pd-col-index" />
          <col className="pd-col-check" />
          <col className="pd-col-task" />
          <col className="pd-col-owner" />
          <col className="pd-col-due" />
          <col className="pd-col-status" />
          {options.notes && <col className="pd-col-typed-notes" />}
          <col className="pd-col-notes" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('print.doc.columns.index')}</th>
            <th scope="col">{t('print.doc.columns.check')}</th>
            <th scope="col">{t('print.doc.columns.task')}</th>
            <th scope="col">{t('print.doc.columns.owner')}</th>
            <th scope="col">{t('print.doc.columns.due')}</th>
            <th scope="col">{t('print.doc.columns.status')}</th>
            {options.notes && <th scope="col">{t('print.doc.columns.typedNotes')}</th>}
            <th scope="col">{t('print.doc.columns.notes')}</th>
          </tr>
        </thead>
        {layout.blocks.map((block) => (
          <MeasureRows key={block.measure.code} block={block} columns={columns} options={options} printedAt={checklist.printedAt} />
        ))}
      </table>

      <footer className="pd-foot">
        <p className="pd-legend">{t('print.doc.legend')}</p>
        <div className="pd-signoff">
          <span className="pd-signoff-item">
            {t('print.doc.signOff.responsible')}
            <span className="pd-signoff-blank pd-signoff-name" />
          </span>
          <span className="pd-signoff-item">
            {t('print.doc.signOff.date')}
            <span className="pd-signoff-blank pd-signoff-year" />
            {t('print.doc.signOff.year')}
            <span className="pd-signoff-blank pd-signoff-short" />
            {t('print.doc.signOff.month')}
            <span className="pd-signoff-blank pd-signoff-short" />
            {t('print.doc.signOff.day')}
          </span>
        </div>
      </footer>
    </article>
  );
}

function MeasureRows({
  block,
  columns,
  options,
  printedAt,
}: {
  block: MeasureBlock;
  columns: number;
  options: DocumentOptions;
  printedAt: string;
}) {
  const { t, i18n } = useTranslation();
  const { measure, tasks } = block;
  const text = options.text === 'full' ? bodyText(measure) : '';
  const [first, ...rest] = tasks;
  const facts = [
    t('print.doc.role', { role: t(`workspace.role.${measure.role}`) }),
    measure.due ? t('print.doc.measureDue', { date: formatDate(measure.due, i18n.language) }) : null,
  ].filter((fact): fact is string => fact !== null);

  return (
    <>
      {/* The headings and the first row form one section that never breaks, so a heading never ends a page. */}
      <tbody className="pd-measure-start" data-measure={measure.code}>
        {block.chapter && (
          <tr className="pd-row-chapter">
            <th colSpan={columns} scope="rowgroup">
              {block.chapter}
            </th>
          </tr>
        )}
        {block.group && (
          <tr className="pd-row-group">
            <th colSpan={columns} scope="rowgroup">
              {block.group}
            </th>
          </tr>
        )}
        <tr className="pd-row-measure">
          <th colSpan={columns} scope="rowgroup">
            <span className="pd-measure-heading">
              <span className="pd-measure-label">{measure.label}</span>
              <span className="pd-measure-title">{measure.title}</span>
            </span>
            <span className="pd-measure-facts">{facts.join('  ')}</span>
          </th>
        </tr>
        {text && (
          <tr className="pd-row-text">
            <td colSpan={columns}>
              <span className="pd-text-label">{t('print.doc.officialText')}</span>
              {text}
            </td>
          </tr>
        )}
        {first ? (
          <TaskRow task={first} options={options} printedAt={printedAt} />
        ) : block.total === 0 ? (
          <EmptyRow columns={options.notes} note={t('print.doc.noTasks')} />
        ) : (
          <EmptyRow columns={options.notes} note={t('print.doc.noneShown', { count: block.total })} />
        )}
      </tbody>
      {(rest.length > 0 || block.total === 0) && (
        <tbody className="pd-measure-rest">
          {rest.map((task) => (
            <TaskRow key={task.id} task={task} options={options} printedAt={printedAt} />
          ))}
          {block.total === 0 &&
            Array.from({ length: blankRowsForNewMeasure }, (_, index) => <EmptyRow key={index} columns={options.notes} note={null} />)}
        </tbody>
      )}
    </>
  );
}

function CheckBox({ checked }: { checked: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`pd-box${checked ? ' pd-checked' : ''}`}
      role="img"
      aria-label={checked ? t('workspace.status.done') : t('workspace.status.not_started')}
    />
  );
}

function TaskRow({ task, options, printedAt }: { task: NumberedTask; options: DocumentOptions; printedAt: string }) {
  const { t } = useTranslation();
  const overdue = isTaskOverdue(task, printedAt);
  const status = t(`workspace.status.${task.status}`);
  return (
    <tr className={`pd-row-task pd-status-${task.status}`} data-index={task.index}>
      <td className="pd-cell-index">{task.index}</td>
      <td className="pd-cell-check">
        <CheckBox checked={task.status === 'done'} />
      </td>
      <td className="pd-cell-task">{task.text}</td>
      <td className="pd-cell-owner">{task.owner}</td>
      <td className="pd-cell-due">
        {task.due}
        {overdue && <span className="pd-overdue">{t('print.doc.overdue')}</span>}
      </td>
      <td className="pd-cell-status">
        {task.status === 'in_progress' && task.progress > 0 && task.progress < 100
          ? t('print.doc.progress', { status, percent: task.progress })
          : status}
      </td>
      {options.notes && <td className="pd-cell-typed-notes">{task.notes}</td>}
      <td className="pd-cell-notes" />
    </tr>
  );
}

function EmptyRow({ columns: withNotes, note }: { columns: boolean; note: string | null }) {
  return (
    <tr className={note === null ? 'pd-row-blank' : 'pd-row-empty'}>
      <td className="pd-cell-index" />
      <td className="pd-cell-check">
        <span className="pd-box" aria-hidden />
      </td>
      <td className="pd-cell-task">{note !== null && <span className="pd-empty-note">{note}</span>}</td>
      <td className="pd-cell-owner" />
      <td className="pd-cell-due" />
      <td className="pd-cell-status" />
      {withNotes && <td className="pd-cell-typed-notes" />}
      <td className="pd-cell-notes" />
    </tr>
  );
}
