import type { FileChooser, Locator, Page } from 'playwright-core';
import { dropFiles } from '../support/drop';

/** One measure: its tasks, suggestions, official text and history. */
export class MeasurePage {
  readonly heading: Locator;
  readonly newTask: Locator;
  readonly tasks: Locator;
  readonly history: Locator;
  readonly officialText: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.newTask = page.getByTestId('new-task');
    this.tasks = page.getByTestId('task-row');
    this.history = page.locator('.history-entry');
    this.officialText = page.locator('.official-text');
  }

  task(text: string): Locator {
    return this.tasks.filter({ has: this.page.locator(`textarea.task-text`, { hasText: text }) });
  }

  taskAt(index: number): Locator {
    return this.tasks.nth(index);
  }

  async addTask(text: string): Promise<void> {
    await this.saving(async () => {
      await this.newTask.fill(text);
      await this.newTask.press('Enter');
    });
  }

  async taskTexts(): Promise<string[]> {
    return this.tasks.locator('textarea.task-text').evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
  }

  /** Sets a field of the task at `index` the way a user does, and waits for the save to land in the history. */
  async setStatus(index: number, label: string): Promise<void> {
    await this.saving(() =>
      this.taskAt(index)
        .getByRole('combobox', { name: /状态|Status/u })
        .selectOption({ label }),
    );
  }

  async setOwner(index: number, owner: string): Promise<void> {
    const field = this.taskAt(index).getByRole('combobox', { name: /责任人|Owner/u });
    await this.saving(async () => {
      await field.fill(owner);
      await field.press('Enter');
    });
  }

  dueField(index: number): Locator {
    return this.taskAt(index).getByLabel(/完成时限|Due date/u);
  }

  /** Fills the due date and leaves the field with Enter: the date is saved then, not while typing. */
  async setDue(index: number, isoDate: string): Promise<void> {
    const field = this.dueField(index);
    await this.saving(async () => {
      await field.fill(isoDate);
      await field.press('Enter');
    });
  }

  /** Types into the date field key by key, the way a user does (segment order follows the browser's locale). */
  async typeDue(index: number, keys: string): Promise<void> {
    await this.dueField(index).focus();
    await this.page.keyboard.type(keys);
  }

  /** The history's lines about due dates, newest first. */
  async dueChanges(): Promise<string[]> {
    const texts = await this.page.locator('.measure-side .history-entry .history-text').allTextContents();
    return texts.map((text) => text.trim()).filter((text) => /完成时限|Due date/u.test(text));
  }

  /** Opens a task's notes (if closed) and types into them without leaving the field. */
  async typeNotes(index: number, text: string): Promise<void> {
    const row = this.taskAt(index);
    const toggle = row.getByRole('button', { name: /备注|Notes/u });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await row.getByRole('textbox', { name: /^备注$|^Notes$/u }).focus();
    await this.page.keyboard.type(text);
  }

  async setNotes(index: number, notes: string): Promise<void> {
    const row = this.taskAt(index);
    const toggle = row.getByRole('button', { name: /备注|Notes/u });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const area = row.getByRole('textbox', { name: /^备注$|^Notes$/u });
    await this.saving(async () => {
      await area.fill(notes);
      await area.blur();
    });
  }

  async deleteTask(index: number): Promise<void> {
    await this.saving(async () => {
      await this.taskAt(index).focus();
      await this.page.keyboard.press('Delete');
    });
  }

  // ---------- evidence ----------

  /** The evidence card (also the drop zone). */
  evidence(): Locator {
    return this.page.getByTestId('evidence-section');
  }

  evidenceRows(): Locator {
    return this.evidence().getByTestId('evidence-row');
  }

  evidenceRow(name: string): Locator {
    return this.evidenceRows().filter({ has: this.page.locator('.evidence-name', { hasText: name }) });
  }

  async evidenceNames(): Promise<string[]> {
    return (await this.evidenceRows().locator('.evidence-name').allTextContents()).map((name) => name.trim());
  }

  /** Clicks the card's add button and answers the file chooser with `files` (paths or in-memory files). */
  async attachThroughChooser(files: Parameters<FileChooser['setFiles']>[0], button?: Locator): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      (button ?? this.evidence().getByRole('button', { name: /添加材料…|Add files…/u })).click(),
    ]);
    await chooser.setFiles(files);
  }

  /** Drops files on the evidence card the way a file manager does (a drop carrying a DataTransfer). */
  dropOnEvidence(files: { name: string; type: string; text: string }[], target?: Locator): Promise<void> {
    return dropFiles(target ?? this.evidence(), files);
  }

  /** Removes a file, confirming inline. */
  async removeEvidence(name: string): Promise<void> {
    const row = this.evidenceRow(name);
    await row.getByRole('button', { name: /移除|Remove/u }).click();
    await row.getByRole('button', { name: /确定移除|^Remove$/u }).click();
    await row.waitFor({ state: 'detached' });
  }

  /** Runs an edit and waits until the history's newest entry is a new one (the change was saved). */
  async saving(edit: () => Promise<unknown>): Promise<void> {
    const newest = () =>
      this.page.evaluate(() => document.querySelector('.measure-side .history-entry')?.getAttribute('data-entry-id') ?? '');
    const before = await newest();
    await edit();
    await this.page.waitForFunction(
      (previous) => (document.querySelector('.measure-side .history-entry')?.getAttribute('data-entry-id') ?? '') !== previous,
      before,
    );
  }
}
