import type { z } from 'zod';
import type { ApiResult } from './errors';
import { appCalls } from './calls/app';
import { evidenceCalls } from './calls/evidence';
import { backupCalls } from './calls/backups';
import { filesCalls } from './calls/files';
import { jobsCalls } from './calls/jobs';
import { ledgerCalls } from './calls/ledger';
import { officeCalls } from './calls/office';
import { planCalls } from './calls/plan';
import { printCalls } from './calls/print';
import { reportCalls } from './calls/reports';
import { searchCalls } from './calls/search';
import { settingsCalls } from './calls/settings';
import { workspaceCalls } from './calls/workspace';

/**
 * The whole API in one object. The main-process router, the preload bridge, the browser
 * dev host and the renderer's client are all derived from it: adding a call is one entry
 * here plus one handler.
 */
export const contract = {
  ...appCalls,
  ...filesCalls,
  ...settingsCalls,
  ...planCalls,
  ...printCalls,
  ...workspaceCalls,
  ...jobsCalls,
  ...evidenceCalls,
  ...searchCalls,
  ...backupCalls,
  ...reportCalls,
  ...officeCalls,
  ...ledgerCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (before schema defaults and transforms). */
export type CallRequest<K extends CallName> = z.input<Contract[K]['request']>;
/** What a handler receives (after validation). */
export type ParsedRequest<K extends CallName> = z.output<Contract[K]['request']>;
export type CallResponse<K extends CallName> = z.output<Contract[K]['response']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The object the preload exposes as `window.planledger`. */
export type PlanLedgerBridge = {
  [K in CallName]: (request: CallRequest<K>) => Promise<ApiResult<CallResponse<K>>>;
};

/** IPC channel for a call; one channel per call, all registered by walking the contract. */
export function channelFor(name: CallName): string {
  return `planledger:${name}`;
}
