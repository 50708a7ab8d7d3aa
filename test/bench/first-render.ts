/**
 * The popover's first render in Chromium against a bare React page, measured in the same run: both
 * built minified by Vite, served from 127.0.0.1, loaded in fresh browser contexts with the same test
 * bridge injected, interleaved; the time of the first React commit into #root (relative to navigation
 * start), median over the loads. Our page also loads its stylesheet, which blocks the first render.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import react from '@vitejs/plugin-react';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { serveStatic } from '../demo/serve-static';
import { appState, installFakeMain } from '../e2e/support/fake-main';
import { median } from './stats';

/** @returns ours / bare, medians of first-render times */
export async function firstRenderRatio(projectRoot: string, loads = 21): Promise<number> {
  if (!existsSync(join(projectRoot, 'out/renderer/index.html'))) {
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'ignore' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const bareOut = mkdtempSync(join(tmpdir(), 'ztt-bare-react-'));
  const servers: Server[] = [];
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await build({
      root: join(projectRoot, 'test/bench/bare-react'),
      plugins: [react()],
      logLevel: 'silent',
      build: { outDir: bareOut, emptyOutDir: true, minify: true },
    });
    const ours = await serveStatic(join(projectRoot, 'out/renderer'));
    const bare = await serveStatic(bareOut);
    servers.push(ours.server, bare.server);
    const measure = async (url: string) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 480 } });
      const page = await context.newPage();
      // Both pages get the same environment: the test bridge standing in for the preload (the bare
      // page ignores it). Injecting it costs ~40 ms here, so giving it to one page only would skew.
      await installFakeMain(page, { state: appState() });
      await page.addInitScript(() => {
        new MutationObserver((_records, observer) => {
          if (document.getElementById('root')?.firstChild) {
            (window as unknown as { __firstRender: number }).__firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url);
      const value = await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender).then((h) => h.jsonValue() as Promise<number>);
      await context.close();
      return value;
    };
    await measure(ours.url); // warm up the browser and the OS file cache
    await measure(bare.url);
    const oursTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < loads; i++) {
      if (i % 2 === 0) {
        oursTimes.push(await measure(ours.url));
        bareTimes.push(await measure(bare.url));
      } else {
        bareTimes.push(await measure(bare.url));
        oursTimes.push(await measure(ours.url));
      }
    }
    process.stderr.write(`# first render: ${loads} loads each; median ours ${median(oursTimes).toFixed(1)} ms, bare React ${median(bareTimes).toFixed(1)} ms\n`);
    return median(oursTimes) / median(bareTimes);
  } finally {
    await browser.close();
    for (const server of servers) server.close();
    rmSync(bareOut, { recursive: true, force: true });
  }
}
