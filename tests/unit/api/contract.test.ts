import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callNames, channelFor, contract, isCallName } from '../../../shared/api/contract';
import { AppError, errorCodes, isErrorCode } from '../../../shared/api/errors';

describe('API contract', () => {
  it('gives every call a request and a response schema', () => {
    expect(callNames.length).toBeGreaterThan(0);
    for (const name of callNames) {
      expect(contract[name].request).toBeInstanceOf(z.ZodType);
      expect(contract[name].response).toBeInstanceOf(z.ZodType);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/u);
    }
  });

  it('knows only its own call names, not inherited properties', () => {
    expect(isCallName('app.info')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 42, null]) {
      expect(isCallName(name)).toBe(false);
    }
  });

  it('uses one IPC channel per call', () => {
    const channels = callNames.map(channelFor);
    expect(new Set(channels).size).toBe(callNames.length);
    expect(channelFor('settings.get')).toBe('planledger:settings.get');
  });

  it('rejects unknown fields in requests that take none', () => {
    expect(contract['app.info'].request.safeParse({}).success).toBe(true);
    expect(contract['app.info'].request.safeParse({ extra: 1 }).success).toBe(false);
    expect(contract['settings.update'].request.safeParse({ language: 'en' }).success).toBe(true);
    expect(contract['settings.update'].request.safeParse({ language: 'fr' }).success).toBe(false);
    expect(contract['settings.update'].request.safeParse({ department: '' }).success).toBe(false);
  });

  it('turns AppError into a typed error with a message key', () => {
    const error = new AppError('db.newer_version', { found: 9, supported: 1 });
    expect(error.toApiError()).toEqual({
      code: 'db.newer_version',
      messageKey: 'errors.db.newer_version',
      params: { found: 9, supported: 1 },
    });
    expect(isErrorCode('db.newer_version')).toBe(true);
    expect(isErrorCode('nope')).toBe(false);
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });
});
