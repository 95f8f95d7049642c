// The browser tests' servers. Most specs share one plant; the dock spec, which moves slots and
// uses up what the demo stages (the truck that ends the predicted stoppage), gets a plant of its
// own, so the Lines spec still finds the stoppage and the proposal it looks at.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4871);
export const OWN_PLANT_PORT = E2E_PORT + 1;
export const ownPlantUrl = `http://127.0.0.1:${OWN_PLANT_PORT}/`;
/** A server started with --empty: the first-run screen (tests/e2e/first-run.spec.ts) and nothing else. */
export const EMPTY_PLANT_PORT = E2E_PORT + 2;
export const emptyPlantUrl = `http://127.0.0.1:${EMPTY_PLANT_PORT}/`;
