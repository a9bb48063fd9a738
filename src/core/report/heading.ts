// A numbered heading of the report, apart from content.ts so the parts that build headings
// (across departments, glossary) need not import the whole content, which imports them.

export interface Heading {
  /** Both an HTML id and a Word bookmark name: a letter, then letters, digits and underscores. */
  anchor: string;
  /** "2", "2.1". */
  number: string;
  title: string;
  level: 1 | 2;
}
