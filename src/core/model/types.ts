// The records of a workspace, as in shared/FORMAT.md. Semantic fields live on the records;
// geometry lives apart in each map's `view`, the way bpmn-js keeps diagram interchange
// separate from business objects.

export const NODE_KINDS = ['start', 'end', 'step', 'decision', 'dataStore', 'system', 'document', 'note'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const FLOW_KINDS = ['sequence', 'message', 'data'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const DATA_STORE_KINDS = ['database', 'spreadsheet', 'paper', 'email', 'document', 'other'] as const;
export type DataStoreKind = (typeof DATA_STORE_KINDS)[number];

export const ACCESS_KINDS = ['read', 'write', 'readwrite'] as const;
export type Access = (typeof ACCESS_KINDS)[number];

export type Id = string;

export interface Department {
  id: Id;
  name: string;
}

export interface System {
  id: Id;
  name: string;
  kind: string;
  integratesWith: Id[];
  ownerDepartmentId?: Id | null;
}

export interface DataStore {
  id: Id;
  name: string;
  kind: DataStoreKind;
  systemId: Id | null;
  ownerDepartmentId?: Id | null;
  customerFields: string[];
  /** Whose records it holds, in the user's words ("applicants", "alumni"); stores of different people are never copies. */
  population?: string;
  /** The fields (as written in customerFields) the user marked sensitive, besides those sensitive by nature. */
  sensitiveFields?: string[];
}

export interface Lane {
  id: Id;
  name: string;
  departmentId?: Id | null;
}

export interface MapNode {
  id: Id;
  kind: NodeKind;
  laneId: Id;
  label: string;
  manual?: boolean;
  refId?: Id;
  notes?: string;
  /** Staff minutes one case takes at this step (a measure for the findings' yearly cost). */
  minutesPerCase?: number;
  /** Cases a year through this step; absent, the map's casesPerYear. */
  casesPerYear?: number;
  /** The step's comments are dealt with (a new comment opens them again). */
  commentsResolved?: boolean;
}

export interface Flow {
  id: Id;
  kind: FlowKind;
  from: Id;
  to: Id;
  label?: string;
  access?: Access;
}

export type Point = [number, number];

export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Geometry of one map. Lanes are stacked top to bottom in list order from y = 0. */
export interface MapView {
  nodes: Record<Id, NodeBox>;
  laneHeights: Record<Id, number>;
  /** Routed polylines from the layout; absent flows are drawn between handles. */
  flowPoints: Record<Id, Point[]>;
}

export interface ProcessMap {
  id: Id;
  name: string;
  departmentId: Id | null;
  lanes: Lane[];
  nodes: MapNode[];
  flows: Flow[];
  view: MapView;
  updatedAt: string;
  /** The yearly volume of cases for steps that do not give their own. */
  casesPerYear?: number;
  /** Where the map stands with the department that owns it; absent, a draft. */
  review?: MapReview;
  /** What people said about its steps, oldest first; a step's comments are its thread. */
  comments?: StepComment[];
  /** Fields written by other tools or newer versions, kept so a round trip loses nothing. */
  extra?: Record<string, unknown>;
}

export const WORKSPACE_STATUSES = ['draft', 'review', 'agreed'] as const;
/** Where a workspace's maps stand with the people who approve the policy document. */
export type WorkspaceStatus = (typeof WORKSPACE_STATUSES)[number];

/** Where one map stands: still being drawn, sent to its department to check, or agreed by them. */
export type MapReviewState = WorkspaceStatus;

export interface MapReview {
  state: MapReviewState;
  /** The name of the person who set it, as they gave it in their browser. */
  by?: string;
  /** When it was set (ISO time). */
  at?: string;
}

/** One person's comment on a step: records of their own, so two people commenting at once both keep theirs. */
export interface StepComment {
  id: Id;
  nodeId: Id;
  /** The name the person gave in their browser. */
  author: string;
  text: string;
  /** When it was written (ISO time). */
  at: string;
}

export const REQUIREMENT_PRIORITIES = ['essential', 'optional'] as const;
/** Must-have or nice-to-have, as CRM selection check-lists sort them. */
export type RequirementPriority = (typeof REQUIREMENT_PRIORITIES)[number];

/** What the CRM must do, in the user's words, with the findings that call for it. */
export interface Requirement {
  id: Id;
  text: string;
  priority: RequirementPriority;
  /** Ids of the findings it answers (Finding.id, stable across runs). */
  findingIds: string[];
}

export const MATCH_VERDICTS = ['confirmed', 'manual', 'rejected'] as const;
/** What the user said of a pair of steps on the compare screen: the match is right, made by hand, or wrong. */
export type MatchVerdict = (typeof MATCH_VERDICTS)[number];

/** The user's word on one pair of steps in two maps; it overrides the matcher on those steps. */
export interface MatchDecision {
  mapA: Id;
  nodeA: Id;
  mapB: Id;
  nodeB: Id;
  verdict: MatchVerdict;
}

/** Whose document it is: the report's cover, running header and file names use these. */
export interface WorkspaceMeta {
  id: Id;
  name: string;
  /** The organisation the maps describe ("University of Example"). */
  organisation?: string;
  /** The people who prepared the maps, as they want to be named on the cover. */
  preparedBy?: string;
  status?: WorkspaceStatus;
  /**
   * The report's recommendation for each kind of finding, where the user rewrote it, keyed by
   * the finding kind ("duplicate-data"); kinds not here get the report's own words.
   */
  recommendations?: Record<string, string>;
  /** The requirements list for the CRM, in the order the user keeps it. */
  requirements?: Requirement[];
  /** Step matches the user confirmed, rejected or made by hand on the compare screen. */
  matchDecisions?: MatchDecision[];
}

export interface Workspace {
  meta: WorkspaceMeta;
  departments: Department[];
  systems: System[];
  dataStores: DataStore[];
  maps: ProcessMap[];
}
