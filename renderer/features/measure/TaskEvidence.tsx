import { Paperclip, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Task } from '../../../shared/api/calls/workspace';
import { useFileDrop } from '../../platform/file-drop';
import { requestAttach, useEvidenceBusy } from './evidenceBus';
import './evidence.css';

/**
 * The evidence strip at the end of a task row: how many files the task has (names on hover)
 * and a button to add more; files dropped on the strip go to this task.
 */
export function TaskEvidence({ task, attachments }: { task: Task; attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  const busy = useEvidenceBusy();
  const own = attachments.filter((attachment) => attachment.taskId === task.id);
  const drop = useFileDrop((files) => requestAttach({ taskId: task.id, files }));

  return (
    <div className={`task-evidence${drop.dragging ? ' task-evidence-drop' : ''}`} data-testid="task-evidence" {...drop.handlers}>
      {own.length > 0 && (
        <span
          className="task-evidence-count"
          title={t('evidence.taskFilesTitle', { names: own.map((attachment) => attachment.name).join(t('listSeparator')) })}
        >
          <Paperclip size={13} aria-hidden />
          {t('evidence.taskFiles', { count: own.length })}
        </span>
      )}
      <button
        type="button"
        className="task-evidence-add"
        disabled={busy}
        aria-label={t('evidence.attachToTaskLabel', { task: task.text })}
        title={t('evidence.attachToTaskLabel', { task: task.text })}
        onClick={() => requestAttach({ taskId: task.id })}
      >
        {own.length === 0 ? <Paperclip size={13} aria-hidden /> : <Plus size={13} aria-hidden />}
        {t('evidence.attachToTask')}
      </button>
      {drop.dragging && <span className="task-evidence-hint">{t('evidence.dropOnTask')}</span>}
    </div>
  );
}
