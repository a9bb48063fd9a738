// SVG of a map, drawn from the model: for the app's exports, the report and the CLI.

export { renderMapSvg, type RenderedSvg, type SvgOptions } from './renderMapSvg';
