// Spacing of the banded drawing, shared by our layout and the naive baseline so that the
// benchmark compares orderings, not paddings.

import { LANE_HEADER_WIDTH } from '../model/geometry';

/** Left edge of the first column: clear of the lane header. */
export const LAYOUT_LEFT = LANE_HEADER_WIDTH + 40;
/** Vertical gap between two nodes stacked in one column of one lane. */
export const GAP_NODE = 30;
/** Between a node and an edge track passing through its column (half a node gap). */
export const GAP_NODE_TRACK = 15;
/** Between two edge tracks passing through a column. */
export const GAP_TRACK = 10;
/** Between a band's edge and a node, and between a band's edge and a track. */
export const PAD_NODE = 20;
export const PAD_TRACK = 8;
export const MIN_BAND = 120;
/** Horizontal distance between vertical segments in a channel, and a channel's least width. */
export const TRACK_SPACING = 10;
export const MIN_CHANNEL = 50;
/** Length of the short stub leaving a node's top or bottom before turning. */
export const STUB = 8;
/** How far the baseline keeps its free tracks from node boxes. */
export const FREE_MARGIN = 12;
