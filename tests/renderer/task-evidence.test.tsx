import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import i18next from '../../renderer/app/i18n';
import './setup';
import type { Attachment, Task } from '../../shared/api/calls/workspace';
import { TaskEvidence } from '../../renderer/features/measure/TaskEvidence';

afterEach(async () => {
  await i18next.changeLanguage('zh-CN');
});

const task: Task = {
  id: 7,
  measureCode: '2.1.1',
  position: 0,
  text: '组织计量测试',
  status: 'in_progress',
  progress: 0,
  owner: '',
  due: null,
  notes: '',
  createdAt: '2016-09-01T08:00:00Z',
  updatedAt: '2016-09-01T08:00:00Z',
};
const file = (id: number, name: string): Attachment => ({
  id,
  taskId: 7,
  name,
  size: 3,
  sha256: '0'.repeat(64),
  mediaType: 'text/plain',
  addedAt: '2016-09-01T08:00:00Z',
});

/** A drag event carrying a file, as from a file manager. */
function fileDrag(type: string): DragEvent {
  const dataTransfer = new DataTransfer();
  dataTransfer.items.add(new File(['x'], '照片.png', { type: 'image/png' }));
  return new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer });
}

describe('task evidence strip', () => {
  it('lists the task’s file names with the language’s separator', async () => {
    await i18next.changeLanguage('en');
    const screen = await render(<TaskEvidence task={task} attachments={[file(1, 'a.txt'), file(2, 'b.txt')]} />);
    await expect.element(screen.getByText('Files: 2')).toHaveAttribute('title', 'Files for this task: a.txt, b.txt');
  });

  it('keeps its drop hint while a dragged file moves over its button', async () => {
    const screen = await render(<TaskEvidence task={task} attachments={[]} />);
    const strip = screen.getByTestId('task-evidence').element();
    const button = screen.getByRole('button').element();
    strip.dispatchEvent(fileDrag('dragenter'));
    strip.dispatchEvent(fileDrag('dragover'));
    await expect.element(screen.getByText('松开鼠标，添加到这项任务')).toBeVisible();
    // Moving onto the button: it is entered, then the strip is left.
    button.dispatchEvent(fileDrag('dragenter'));
    button.dispatchEvent(fileDrag('dragover'));
    strip.dispatchEvent(new DragEvent('dragleave', { bubbles: true, dataTransfer: fileDrag('dragleave').dataTransfer }));
    await new Promise((settle) => requestAnimationFrame(settle));
    expect(strip.querySelector('.task-evidence-hint')).not.toBeNull();
  });
});
