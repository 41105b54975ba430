// `npm run build`: bundles src/ into dist/ with esbuild (types are checked separately by `npm run typecheck`).
//
// Why a bundle: unbundled, `triage redact` resolved and compiled ~380 module files (zod, libphonenumber-js,
// cosmiconfig...) before doing anything. Bundled with code splitting, the entry chunk holds commander and the
// command tree, and each `import()` in the source (a command's implementation, an SDK, the config loader)
// becomes a chunk loaded only on the path that needs it, so a command reads a handful of files.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Kept out of the bundle, resolved from node_modules at run time: nothing today. Every runtime dependency is
// plain JavaScript that bundles cleanly (libphonenumber-js's metadata is a JSON import and lands in the
// redaction chunk, loaded by the commands that redact). A native addon or a package that reads its own files
// from disk would go here. @lydell/node-pty is a devDependency for the tests.
const external = [];

/**
 * zod re-exports every locale it ships (`z.locales`, 366 kB of error messages in 40-odd languages) and so
 * bundles them all, although it configures English by itself and triage reads only English messages. The
 * re-export resolves to an empty namespace; English is imported by zod directly and stays.
 */
const zodWithoutLocaleCatalogue = {
  name: 'zod-without-locale-catalogue',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

await rm(`${root}/dist`, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    // The program. The others are entry points for the benchmarks, which drive the emulators and the
    // redaction engine in-process; they share chunks with the program and cost it nothing.
    main: 'src/main.ts',
    'bench/redaction': 'src/core/redaction/index.ts',
    'bench/linear-emulator': 'src/sandbox/linear/emulator.ts',
    'bench/pylon-emulator': 'src/sandbox/pylon/emulator.ts',
    'bench/pylon-state': 'src/sandbox/pylon/state.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  // Stack traces under --debug point at src/ through the source maps (bin/triage.js turns them on).
  sourcesContent: false,
  legalComments: 'linked',
  external,
  plugins: [zodWithoutLocaleCatalogue],
  // Bundled CommonJS dependencies (cosmiconfig, graphql, mustache, bottleneck) call require() for Node's
  // built-ins; ESM output has no require, so each chunk gets one bound to its own URL.
  banner: { js: "import { createRequire as __triageCreateRequire } from 'node:module'; const require = __triageCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});
// string-width is required synchronously the first time a text is more than printable ASCII (src/cli/text-wrap.ts):
// evaluating it costs more than the rest of `triage --help`, so it is no part of any chunk. Node 22.12 would
// warn when it require()s an ES module, so it is bundled as CommonJS, next to the chunks that require it.
const stringWidth = await build({
  absWorkingDir: root,
  entryPoints: ['string-width'],
  outfile: 'dist/string-width.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
if (process.env.TRIAGE_BUILD_META) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.env.TRIAGE_BUILD_META, JSON.stringify({ inputs: { ...result.metafile.inputs, ...stringWidth.metafile.inputs }, outputs: { ...result.metafile.outputs, ...stringWidth.metafile.outputs } }));
}
