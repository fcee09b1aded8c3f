import type { TFunction } from 'i18next';
import { columnLetters } from '../../../shared/ledger/cell-refs';
import { ledgerFields, type ColumnMapping, type ImportPreview, type LedgerField } from '../../../shared/api/calls/ledger';

/** The fields an import cannot do without: which measure a row belongs to, and the task itself. */
export const requiredFields: readonly LedgerField[] = ['measure', 'task'];

/** A column as the mapping selects show it: “B 任务内容”, or “C 列(无标题)”. */
export function columnLabel(column: { index: number; header: string }, t: TFunction): string {
  const letter = columnLetters(column.index);
  const header = column.header.trim();
  return header ? t('ledger.preview.column', { letter, header }) : t('ledger.preview.columnUntitled', { letter });
}

/**
 * Why this mapping cannot be imported, in words, or null: a required field without a
 * column, or one column given to two fields (the same sentences the backend refuses with).
 */
export function mappingRefusal(mapping: ColumnMapping, columns: ImportPreview['columns'], t: TFunction): string | null {
  const missing = requiredFields.filter((field) => mapping[field] === null);
  if (missing.length > 0) {
    return t('errors.ledger.mapping_incomplete', { fields: missing.map((field) => t(`ledger.preview.fields.${field}`)).join('、') });
  }
  const seen = new Set<number>();
  for (const field of ledgerFields) {
    const index = mapping[field];
    if (index === null) continue;
    if (seen.has(index)) {
      const column = columns.find((candidate) => candidate.index === index);
      return t('errors.ledger.mapping_duplicate', { header: column ? columnLabel(column, t) : columnLetters(index) });
    }
    seen.add(index);
  }
  return null;
}
