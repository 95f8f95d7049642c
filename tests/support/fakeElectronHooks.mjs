// Module-resolution hook for the boot test: `import … from 'electron'` in the built main bundle
// resolves to the stand-in next to this file. Registered by bootDriver.mjs (node:module register).

const fakeElectronUrl = new URL('./fakeElectron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return { url: fakeElectronUrl, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
