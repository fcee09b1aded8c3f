import { ChevronDown, ChevronUp, GripVertical, MoreHorizontal, StickyNote } from 'lucide-react';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDate } from '../../../shared/api/calls/common';
import { taskStatuses, type Task, type TaskPatch } from '../../../shared/api/calls/workspace';
import { isTaskOverdue } from '../../../shared/workspace/progress';
import { useDraft } from '../../components/useDraft';

export const taskDragType = 'application/x-planledger-task';
/** Key names as printed on keyboards, the same in every language. */
const shortcutLabels = { moveUp: 'Alt+↑', moveDown: 'Alt+↓', remove: 'Delete' };
const progressSteps = Array.from({ length: 11 }, (_, i) => i * 10);
/** Due dates a plan of ours can have; anything else is a half-typed year. */
const dueDateRange = { min: '1990-01-01', max: '2100-12-31' };

/** A real calendar day between 1990 and 2100. */
function isPlausibleDueDate(value: string): boolean {
  return IsoDate.safeParse(value).success && value >= dueDateRange.min && value <= dueDateRange.max;
}

export interface TaskActions {
  update(id: number, patch: TaskPatch): void;
  move(id: number, toIndex: number): void;
  remove(task: Task): void;
  mergeUp(task: Task): void;
}

export function TaskRow({
  task,
  index,
  count,
  today,
  ownersListId,
  actions,
  children,
}: {
  task: Task;
  index: number;
  count: number;
  today: string;
  ownersListId: string;
  actions: TaskActions;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [notesOpen, setNotesOpen] = useState(task.notes !== '');
  const [menuOpen, setMenuOpen] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const text = useDraft(task.text, (next) => {
    if (next.trim() === '') text.revert();
    else actions.update(task.id, { text: next.trim() });
  });
  const owner = useDraft(task.owner, (next) => actions.update(task.id, { owner: next.trim() }));
  const notes = useDraft(task.notes, (next) => actions.update(task.id, { notes: next }), 1200);
  // Typing a date key by key passes through dates like 0002-09-30 and 0201-09-30: only a
  // plausible date (or an emptied field) is saved, once, when the field is left.
  const due = useDraft(task.due ?? '', (next) => {
    if (next === '') actions.update(task.id, { due: null });
    else if (isPlausibleDueDate(next)) actions.update(task.id, { due: next });
    else due.revert();
  });
  const overdue = isTaskOverdue(task, today);

  useEffect(() => {
    if (!menuOpen) return undefined;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menuOpen]);

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.altKey && event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      actions.move(task.id, index - 1);
    } else if (event.altKey && event.key === 'ArrowDown' && index < count - 1) {
      event.preventDefault();
      actions.move(task.id, index + 1);
    } else if (event.key === 'Delete' && event.target === event.currentTarget) {
      event.preventDefault();
      actions.remove(task);
    } else if (event.key === 'Escape') {
      setMenuOpen(false);
    }
  }

  function onDrop(event: DragEvent<HTMLLIElement>) {
    setDropTarget(false);
    const id = Number(event.dataTransfer.getData(taskDragType));
    if (Number.isInteger(id) && id > 0 && id !== task.id) {
      event.preventDefault();
      actions.move(id, index);
    }
  }

  return (
    <li
      className={`task-row${task.status === 'done' ? ' task-done' : ''}${dropTarget ? ' task-drop' : ''}`}
      tabIndex={0}
      data-testid="task-row"
      data-task-id={task.id}
      aria-label={task.text}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(taskDragType)) {
          event.preventDefault();
          setDropTarget(true);
        }
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <div className="task-main">
        <span
          className="drag-handle"
          draggable
          title={t('workspace.measure.dragHandle')}
          onDragStart={(event) => {
            event.dataTransfer.setData(taskDragType, String(task.id));
            event.dataTransfer.effectAllowed = 'move';
          }}
        >
          <GripVertical size={16} aria-hidden />
        </span>
        <input
          type="checkbox"
          className="task-check"
          checked={task.status === 'done'}
          aria-label={t('workspace.measure.done')}
          onChange={(event) => actions.update(task.id, { status: event.target.checked ? 'done' : 'in_progress' })}
        />
        <textarea
          className="task-text"
          rows={1}
          value={text.draft}
          maxLength={2000}
          aria-label={t('workspace.measure.taskText')}
          onChange={(event) => text.set(event.target.value)}
          onBlur={text.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              event.currentTarget.blur();
            } else if (event.key === 'Escape') {
              text.revert();
              event.currentTarget.blur();
            }
          }}
        />
        <div className="task-menu" ref={menu}>
          <button
            type="button"
            className="icon-button"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-label={t('workspace.measure.more')}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MoreHorizontal size={16} aria-hidden />
          </button>
          {menuOpen && (
            <div className="menu" role="menu">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={index === 0}
                onClick={() => {
                  setMenuOpen(false);
                  actions.move(task.id, index - 1);
                }}
              >
                <ChevronUp size={14} aria-hidden />
                {t('workspace.measure.moveUp')}
                <kbd>{shortcutLabels.moveUp}</kbd>
              </button>
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={index === count - 1}
                onClick={() => {
                  setMenuOpen(false);
                  actions.move(task.id, index + 1);
                }}
              >
                <ChevronDown size={14} aria-hidden />
                {t('workspace.measure.moveDown')}
                <kbd>{shortcutLabels.moveDown}</kbd>
              </button>
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={index === 0}
                onClick={() => {
                  setMenuOpen(false);
                  actions.mergeUp(task);
                }}
              >
                {t('workspace.measure.mergeUp')}
              </button>
              <div className="menu-separator" role="separator" />
              <button
                type="button"
                role="menuitem"
                className="menu-item menu-item-danger"
                onClick={() => {
                  setMenuOpen(false);
                  actions.remove(task);
                }}
              >
                {t('workspace.measure.delete')}
                <kbd>{shortcutLabels.remove}</kbd>
              </button>
            </div>
          )}
        </div>
      </div>
      <div className="task-meta">
        <select
          className={`task-status status-${task.status}`}
          value={task.status}
          aria-label={t('workspace.measure.status')}
          onChange={(event) => actions.update(task.id, { status: event.target.value as Task['status'] })}
        >
          {taskStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`workspace.status.${status}`)}
            </option>
          ))}
        </select>
        <select
          className="task-progress"
          value={Math.round(task.progress / 10) * 10}
          aria-label={t('workspace.measure.progress')}
          onChange={(event) => actions.update(task.id, { progress: Number(event.target.value) })}
        >
          {progressSteps.map((step) => (
            <option key={step} value={step}>
              {step}%
            </option>
          ))}
        </select>
        <input
          className="task-owner"
          value={owner.draft}
          list={ownersListId}
          maxLength={100}
          placeholder={t('workspace.measure.ownerPlaceholder')}
          aria-label={t('workspace.measure.owner')}
          onChange={(event) => owner.set(event.target.value)}
          onBlur={owner.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') owner.revert();
          }}
        />
        <input
          type="date"
          className={`task-due${overdue ? ' overdue' : ''}`}
          value={due.draft}
          min={dueDateRange.min}
          max={dueDateRange.max}
          aria-label={t('workspace.measure.due')}
          title={overdue ? t('workspace.measure.overdue') : undefined}
          onChange={(event) => due.set(event.target.value)}
          onBlur={due.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            } else if (event.key === 'Escape') {
              due.revert();
              event.currentTarget.blur();
            }
          }}
        />
        <button
          type="button"
          className={`icon-button${notesOpen ? ' active' : ''}`}
          aria-expanded={notesOpen}
          aria-label={t('workspace.measure.showNotes')}
          title={t('workspace.measure.showNotes')}
          onClick={() => setNotesOpen((open) => !open)}
        >
          <StickyNote size={16} aria-hidden />
        </button>
      </div>
      {notesOpen && (
        <textarea
          className="task-notes"
          value={notes.draft}
          maxLength={20_000}
          placeholder={t('workspace.measure.notesPlaceholder')}
          aria-label={t('workspace.measure.notes')}
          onChange={(event) => notes.set(event.target.value)}
          onBlur={notes.commit}
        />
      )}
      {children}
    </li>
  );
}
