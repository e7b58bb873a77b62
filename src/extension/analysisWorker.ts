import { parentPort } from 'worker_threads';
import { Analyzer } from '../core/analysis/analyzer';
import type { CurationRules } from '../core/curation/rules';

/**
 * The analysis worker (bundled as dist/analysisWorker.js): runs the core analyzer off the
 * extension host's thread, so typing and indexing never wait for it.
 */
export interface AnalysisRequest {
  readonly id: number;
  readonly text: string;
  readonly rules: CurationRules;
}

const port = parentPort;
if (port) {
  const analyzer = new Analyzer();
  port.on('message', (req: AnalysisRequest) => {
    try {
      port.postMessage({ id: req.id, analysis: analyzer.analyze(req.text, req.rules) });
    } catch (err) {
      port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
