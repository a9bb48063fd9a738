import type { Finding } from '../core/analysis/types';
import type { WorkspacePatch } from '../core/commands/workspacePatch';
import type { Workspace } from '../core/model/types';

/** The whole workspace once (a fresh worker, another workspace), then only what each edit changed. */
export type AnalysisRequest = { seq: number; kind: 'full'; workspace: Workspace } | { seq: number; kind: 'patch'; patch: WorkspacePatch };

/** The analysis of the workspace as of request `seq`, or why the worker could not make it. */
export type AnalysisReply = { seq: number; ok: true; findings: Finding[]; tooLarge: string | null } | { seq: number; ok: false; message: string };
