// The browser tests' servers. Most specs share one plant; a test that uses up what the demo
// stages (the truck that ends the predicted stoppage) gets a plant of its own, so the specs after
// it still find the stoppage they look at.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4871);
export const OWN_PLANT_PORT = E2E_PORT + 1;
export const ownPlantUrl = `http://127.0.0.1:${OWN_PLANT_PORT}/`;
/** A server started with --empty: the first-run screen (tests/e2e/first-run.spec.ts) and nothing else. */
export const EMPTY_PLANT_PORT = E2E_PORT + 2;
export const emptyPlantUrl = `http://127.0.0.1:${EMPTY_PLANT_PORT}/`;
