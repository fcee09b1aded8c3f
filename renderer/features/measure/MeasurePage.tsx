import { ArrowLeft, Lightbulb, Plus } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDetail, Task, TaskPatch } from '../../../shared/api/calls/workspace';
import { localDate } from '../../../shared/dates';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { refreshAfterWrite, useCall } from '../../api/queries';
import { typing } from '../../app/Shortcuts';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { useToasts } from '../../components/Toasts';
import { formatDate } from '../../components/format';
import { PrintChecklistLink } from '../print/PrintChecklistLink';
import { href } from '../../app/router';
import { EvidenceSection } from './EvidenceSection';
import { HistoryList } from '../../components/HistoryList';
import { StatusBadge } from '../../components/StatusBadge';
import { TaskEvidence } from './TaskEvidence';
import { TaskRow, type TaskActions } from './TaskRow';
import './measure.css';

/** The official text with every spelling of this department marked. */
function highlight(text: string, spelling: string): ReactNode[] {
  if (!spelling) return [text];
  return text.split(spelling).flatMap((part, index) => (index === 0 ? [part] : [<mark key={index}>{spelling}</mark>, part]));
}

/** `focusTask`: a task to bring into view and focus (a search result points at it). */
export function MeasurePage({ code, focusTask = null }: { code: string; focusTask?: number | null }) {
  const detail = useCall('workspace.measure', { code });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorPanel error={detail.error} onRetry={() => void detail.refetch()} />;
  return <MeasureView detail={detail.data} focusTask={focusTask} />;
}

function MeasureView({ detail, focusTask }: { detail: MeasureDetail; focusTask: number | null }) {
  useEffect(() => {
    if (focusTask === null) return;
    const row = document.querySelector<HTMLElement>(`[data-task-id="${focusTask}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [focusTask]);

  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const ownersListId = useId();
  const [newTask, setNewTask] = useState('');
  const deleted = useRef<Task[]>([]);
  const { measure, progress, tasks } = detail;
  const mine = measure.departments.find((department) => department.name === detail.department);
  const today = localDate(new Date());

  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        const result = await work();
        await refreshAfterWrite();
        return result;
      } catch (error) {
        toasts.show('error', userMessage(error, t));
        await refreshAfterWrite();
        return undefined;
      }
    },
    [t, toasts],
  );

  const restore = useCallback(
    (task: Task) =>
      void run(async () => {
        await call('tasks.restore', { id: task.id });
        deleted.current = deleted.current.filter((item) => item.id !== task.id);
        toasts.show('success', t('workspace.measure.restored', { task: task.text }));
      }),
    [run, t, toasts],
  );

  const actions: TaskActions = {
    update: (id: number, patch: TaskPatch) => void run(() => call('tasks.update', { id, patch })),
    move: (id, toIndex) => void run(() => call('tasks.move', { id, toIndex })),
    mergeUp: (task) => {
      const index = tasks.findIndex((item) => item.id === task.id);
      const above = tasks[index - 1];
      if (!above) return;
      void run(async () => {
        const merged = await call('tasks.merge', { id: task.id, intoId: above.id });
        toasts.show('success', t('workspace.measure.merged', { task: merged.text }));
      });
    },
    remove: (task) =>
      void run(async () => {
        await call('tasks.delete', { id: task.id });
        deleted.current = [...deleted.current, task];
        toasts.show('success', t('workspace.measure.deleted', { task: task.text }), {
          label: t('workspace.measure.undo'),
          run: () => restore(task),
        });
      }),
  };

  // Ctrl+Z outside a text field brings back the last deleted task.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || event.shiftKey) return;
      if (typing(event.target)) return;
      const last = deleted.current.at(-1);
      if (last) {
        event.preventDefault();
        restore(last);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [restore]);

  function addTasks(texts: string[]) {
    const clean = texts.map((text) => text.trim()).filter((text) => text !== '');
    if (clean.length === 0) return;
    void run(() => call('tasks.create', { measureCode: measure.code, texts: clean }));
  }

  return (
    <div className="page page-wide measure-page">
      <a className="back-link" href={href('/')}>
        <ArrowLeft size={16} aria-hidden />
        {t('workspace.measure.back')}
      </a>
      <div className="page-heading">
        <div>
          <p className="page-kicker">
            {measure.chapter}
            {measure.group && ` · ${measure.group}`}
          </p>
          <h1 className="page-title">
            <span className="measure-label">{measure.label}</span> {measure.title}
          </h1>
        </div>
        <div className="measure-progress">
          <StatusBadge status={progress.status} />
          <span className="muted">
            {t('workspace.dashboard.progress', { done: progress.done, total: progress.total, percent: progress.percent })}
          </span>
          {(measure.due || measure.recurrence) && (
            <span className="muted" data-testid="measure-due">
              {/* A recurring deadline (每季度末, 长期坚持) beside the date, or instead of it. */}
              {t('workspace.dashboard.due', {
                date: [
                  measure.due && formatDate(measure.due, i18n.language),
                  measure.recurrence && t(`planParser.recurrence.${measure.recurrence}`),
                ]
                  .filter(Boolean)
                  .join(' · '),
              })}
            </span>
          )}
          <PrintChecklistLink department={detail.department} measure={measure.code} />
        </div>
      </div>

      <div className="measure-columns">
        <div className="measure-main">
          <section className="card" aria-labelledby="tasks-title">
            <h2 id="tasks-title" className="card-title">
              {t('workspace.measure.tasks')}
              <span className="badge">{t('workspace.measure.taskCount', { count: tasks.length })}</span>
            </h2>
            <form
              className="add-task"
              onSubmit={(event) => {
                event.preventDefault();
                addTasks([newTask]);
                setNewTask('');
              }}
            >
              <input
                value={newTask}
                maxLength={2000}
                placeholder={t('workspace.measure.addPlaceholder')}
                aria-label={t('workspace.measure.addPlaceholder')}
                data-testid="new-task"
                onChange={(event) => setNewTask(event.target.value)}
              />
              <button type="submit" className="button button-primary" disabled={newTask.trim() === ''}>
                <Plus size={16} aria-hidden />
                {t('workspace.measure.add')}
              </button>
            </form>
            <datalist id={ownersListId}>
              {detail.owners.map((owner) => (
                <option key={owner} value={owner} />
              ))}
            </datalist>
            {tasks.length === 0 ? (
              <p className="muted empty-tasks">{t('workspace.measure.noTasks')}</p>
            ) : (
              <ol className="task-list" aria-label={t('workspace.measure.tasks')}>
                {tasks.map((task, index) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    index={index}
                    count={tasks.length}
                    today={today}
                    ownersListId={ownersListId}
                    actions={actions}
                  >
                    <TaskEvidence task={task} attachments={detail.attachments} />
                  </TaskRow>
                ))}
              </ol>
            )}
          </section>

          <EvidenceSection detail={detail} />

          {detail.candidates.length > 0 && (
            <section className="card candidates" aria-labelledby="candidates-title">
              <h2 id="candidates-title" className="card-title">
                <Lightbulb size={16} aria-hidden />
                {t('workspace.measure.candidates')}
                <button type="button" className="button button-small" onClick={() => addTasks(detail.candidates)}>
                  {t('workspace.measure.adoptAll')}
                </button>
              </h2>
              <p className="field-hint">{t('workspace.measure.candidatesHint')}</p>
              <ul className="candidate-list">
                {detail.candidates.map((candidate) => (
                  <li key={candidate}>
                    <span>{candidate}</span>
                    <button type="button" className="button button-small" onClick={() => addTasks([candidate])}>
                      {t('workspace.measure.adopt')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <div className="measure-side">
          <section className="card" aria-labelledby="official-title">
            <h2 id="official-title" className="card-title">
              {t('workspace.measure.officialText')}
            </h2>
            <p className="official-text">{highlight(measure.text, mine?.writtenAs ?? detail.department)}</p>
            <h3 className="card-subtitle">{t('workspace.measure.departments')}</h3>
            <div className="chips">
              {measure.departments.map((department) => (
                <span
                  key={department.name}
                  className={`chip chip-${department.role}${department.name === detail.department ? ' chip-mine' : ''}`}
                >
                  {department.name}
                  {department.role !== 'responsible' && <em>{t(`workspace.role.${department.role}`)}</em>}
                </span>
              ))}
            </div>
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title" className="card-title">
              {t('workspace.measure.history')}
            </h2>
            <HistoryList entries={detail.history} />
          </section>
        </div>
      </div>
    </div>
  );
}
