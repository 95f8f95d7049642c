import { parentPort } from 'node:worker_threads';
import { answer, type RecommendRequest } from './recommendJob';

// The worker thread entry (built to out/main/recommendWorker.js): answers each
// {id, instance, options} with {id, result} or {id, error}, one job at a time. The search is
// synchronous, so it runs here and never blocks the main thread's event loop.

if (!parentPort) throw new Error('recommendWorker.js runs as a worker thread (new Worker), not on its own');
const port = parentPort;

port.on('message', (request: RecommendRequest) => {
  port.postMessage(answer(request));
});
