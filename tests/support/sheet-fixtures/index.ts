/** Sheet fixtures for the ledger import: made at test time into a given folder, each maker returns the file's path. */
export * from './breakdown';
export * from './csv';
export * from './hostile';
export * from './ole';
export * from './package';
export * from './libreoffice';
