import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import type { Language } from '../../../shared/api/calls/settings';
import { chromiumArgs, chromiumPath } from '../../support/chromium';
import { Dashboard } from '../pages/Dashboard';
import { DepartmentPicker } from '../pages/DepartmentPicker';
import { callApi } from './api';

const projectRoot = resolve(import.meta.dirname, '..', '..', '..');
export const e2eTarget = process.env.PLANLEDGER_E2E_TARGET === 'electron' ? 'electron' : 'web';

export interface DevHostProcess {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  /** Everything the host printed on stdout. */
  stdout(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `out/devhost/index.cjs` and waits for its PLANLEDGER_URL line. */
export async function startDevHost(dataDir: string, extraArgs: string[] = []): Promise<DevHostProcess> {
  const child = spawn(process.execPath, [join(projectRoot, 'out/devhost/index.cjs'), '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev host did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /PLANLEDGER_URL=(\S+)\n/u.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev host exited with ${code}: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  const exited = new Promise<number | null>((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.once('exit', (code) => resolveExit(code));
  });
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    process: child,
    stdout: () => stdout,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

let sharedBrowser: Browser | null = null;

export async function launchChromium(): Promise<Browser> {
  sharedBrowser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return sharedBrowser;
}

export async function closeChromium(): Promise<void> {
  await sharedBrowser?.close();
  sharedBrowser = null;
}

/**
 * The app under test with a fresh data folder: the dev host in Chromium by default, the
 * real Electron app when PLANLEDGER_E2E_TARGET=electron (needs the Electron binary).
 */
export interface AppUnderTest {
  page: Page;
  dataDir: string;
  /** Requests the renderer made, for checking that nothing leaves the app. */
  requests: string[];
  /** Origin the app is served from. */
  origin: string;
  open(hash?: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  /** Runs on the fresh data folder before the app starts (e.g. to plant a damaged database). */
  prepare?: (dataDir: string) => Promise<void> | void;
}

/** Apps launched and not yet closed. */
const running = new Set<AppUnderTest>();

/** Closes the apps each test launched after it, and the shared Chromium after the file. */
export function useApp(): void {
  afterEach(async () => {
    for (const app of [...running]) await app.close();
  });
  afterAll(closeChromium);
}

/** Launches the app; `close()` may be called more than once. */
export async function launchApp(options: LaunchOptions = {}): Promise<AppUnderTest> {
  const app = await launchUntracked(options);
  const close = app.close;
  running.add(app);
  app.close = async () => {
    if (!running.delete(app)) return;
    await close();
  };
  return app;
}

/** Launches the app and chooses `department` in the department picker, as a coordinator does on a first run. */
export async function startAs(department: string, options: LaunchOptions = {}): Promise<AppUnderTest> {
  const app = await launchApp(options);
  await app.open('#/');
  const picker = new DepartmentPicker(app.page);
  await picker.card(department).waitFor();
  await picker.choose(department);
  await new Dashboard(app.page).measureRows.first().waitFor();
  return app;
}

/**
 * Launches the app and sets `department` (operator 张三) through the API, faster than the picker.
 * The page loaded before the change; a reload or another screen shows it.
 */
export async function launchAs(department: string, options: LaunchOptions & { language?: Language } = {}): Promise<AppUnderTest> {
  const app = await launchApp(options);
  await app.open('#/');
  await app.page.locator('main#main').waitFor();
  await callApi(app.page, 'settings.update', { department, operator: '张三', ...(options.language ? { language: options.language } : {}) });
  // Settings changed behind the page's back: reload so the frame shows them.
  await app.reload();
  return app;
}

async function launchUntracked(options: LaunchOptions): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planledger-e2e-'));
  await options.prepare?.(dataDir);
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const requests: string[] = [];

  if (e2eTarget === 'electron') {
    const app = await _electron.launch({ args: [projectRoot, '--data-dir', dataDir], cwd: projectRoot });
    const page = await app.firstWindow();
    await page.setViewportSize(viewport);
    page.on('request', (request) => requests.push(request.url()));
    return {
      page,
      dataDir,
      requests,
      origin: 'app://planledger',
      open: async (hash = '#/') => {
        await page.evaluate((target) => {
          window.location.hash = target;
        }, hash);
      },
      reload: async () => {
        await page.reload();
      },
      close: async () => {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const host = await startDevHost(dataDir);
  const browser = await launchChromium();
  const context: BrowserContext = await browser.newContext({ viewport, locale: options.locale ?? 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  return {
    page,
    dataDir,
    requests,
    origin: host.origin,
    open: async (hash = '#/') => {
      await page.goto(`${host.url}${hash}`);
    },
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      await context.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
