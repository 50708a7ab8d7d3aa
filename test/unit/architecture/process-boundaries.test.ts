import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/cli-process';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function boundaryViolations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('process boundaries (ESLint)', () => {
  it.each([
    ["import { app } from 'electron';", 'main/engine/leak.ts'],
    ["import { safeStorage } from 'electron/main';", 'main/vault/leak.ts'],
    ["export { net } from 'electron';", 'main/engine/leak.ts'],
    ["const electron = await import('electron'); export { electron };", 'main/scheduler/leak.ts'],
    ["import { useState } from 'react'; export { useState };", 'main/engine/leak.ts'],
    ["import { createRoot } from 'react-dom/client'; export { createRoot };", 'main/cli/leak.ts'],
  ])('forbids %s in the core (%s)', async (code, file) => {
    expect(await boundaryViolations(code, file)).not.toEqual([]);
  });

  it.each([
    ["import { ipcRenderer } from 'electron'; export { ipcRenderer };", 'renderer/leak.tsx'],
    ["import { readFileSync } from 'node:fs'; export { readFileSync };", 'renderer/leak.ts'],
    ["import path from 'path'; export { path };", 'renderer/leak.ts'],
    ["import { readFileSync } from 'node:fs'; export { readFileSync };", 'preload/leak.ts'],
  ])('forbids %s in %s', async (code, file) => {
    expect(await boundaryViolations(code, file)).not.toEqual([]);
  });

  it.each([
    ["import { app } from 'electron'; export { app };", 'main/index.ts'],
    ["import { safeStorage } from 'electron'; export { safeStorage };", 'main/platform/electron/cipher.ts'],
    ["import { contextBridge } from 'electron'; export { contextBridge };", 'preload/index.ts'],
    ["import { useState } from 'react'; export { useState };", 'renderer/App.tsx'],
    ["import { readFileSync } from 'node:fs'; export { readFileSync };", 'main/engine/ok.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await boundaryViolations(code, file)).toEqual([]);
  });
});
