// A few line icons drawn inline: no icon font, no missing glyphs on machines without emoji.
const PATHS = {
  rename: 'M3 13l1-4 7-7 3 3-7 7-4 1zM9.5 3.5l3 3',
  duplicate: 'M5 5h8v8H5zM3 11V3h8',
  trash: 'M3 4h10M6 4V2.5h4V4M4.5 4l.7 9.5h5.6l.7-9.5',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
