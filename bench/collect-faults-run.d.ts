// Types of collect-faults-run.js for the test that runs the campaign small (test/cli/collect-faults.test.ts).
export interface FaultCampaignResult {
  database: 'sqlite' | 'postgres';
  clients: number;
  submissions: number;
  acknowledged: number;
  stored: number;
  missing: number;
  doubled: number;
  wrong: number;
  audit_submits: number;
  kills: number;
  attempts: number;
  replays: number;
  seconds: number;
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  end_to_end_p99_ms: number;
  integrity: string;
}

export function runFaultCampaign(options: { db: string; codebookFile: string; clients: number; perClient: number; kills: number; deadlineMs?: number; random?: () => number }): Promise<FaultCampaignResult>;
