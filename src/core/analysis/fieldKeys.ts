// Customer field names as workshops write them ("E-mail address", "Email", "Tel.", "Surname")
// reduced to one key per kind of data, so two stores can be compared field by field.

export interface NormalisedField {
  /** Lower-case canonical name: "email", "phone", "name", "student id", "course of interest". */
  key: string;
  /** True when the field on its own points at one person (name, contact, birth date, an ID). */
  identifying: boolean;
}

/** Keys that identify a person besides the IDs (which end in " id" and are flagged as made). */
const PERSONAL_KEYS = new Set(['name', 'email', 'phone', 'address', 'postcode', 'date of birth']);

const PHRASES = new Map<string, string>();
const phrase = (key: string, ...variants: string[]): void => {
  for (const v of [key, ...variants]) PHRASES.set(v, key);
};
// Every person-name field counts as one: a store with "First name" and "Last name" holds the
// same thing as one with "Full name", and the duplicate rule must count it once.
phrase('name', 'full name', 'first name', 'firstname', 'first names', 'last name', 'lastname', 'forename', 'forenames',
  'surname', 'family name', 'given name', 'given names', 'middle name', 'middle names', 'preferred name', 'known as',
  'full names', 'first and last name', 'first and last names', 'first name and surname', 'forename and surname',
  'forenames and surname', 'name and surname');
phrase('email', 'email address', 'email addr', 'emailaddress');
phrase('phone', 'phone number', 'phone no', 'telephone', 'telephone number', 'telephone no', 'tel', 'tel no', 'mobile',
  'mobile number', 'mobile no', 'mobile phone', 'mobile phone number', 'mobile telephone', 'cell', 'cell phone',
  'cellphone', 'landline', 'contact number');
phrase('postcode', 'post code', 'postal code', 'zip', 'zip code', 'zipcode');
phrase('address', 'street address', 'full address', 'address line 1', 'address line one');
phrase('date of birth', 'dob', 'd o b', 'birth date', 'birthdate', 'birthday');
phrase('ni number', 'national insurance number', 'national insurance no', 'nino', 'ni no');
phrase('ucas id', 'ucas number', 'ucas personal id', 'ucas no');

/** Words in front of a field that do not change what it holds: "Home address", "Personal email". */
const QUALIFIERS = new Set(['home', 'personal', 'primary', 'main', 'preferred', 'current', 'contact', 'private', 'work',
  'business', 'alternative', 'alternate', 'permanent', 'correspondence', 'mailing', 'postal', 'daytime', 'previous', 'other']);

/** Whose field it is: "Donor name" is a name, "Student number" a student ID, "School name" neither. */
const PEOPLE = new Set(['student', 'donor', 'contact', 'customer', 'payer', 'applicant', 'alumnus', 'alumni', 'supporter',
  'member', 'membership', 'parent', 'guardian', 'constituent', 'person', 'client', 'enquirer', 'prospect', 'attendee',
  'graduate', 'staff', 'employee', 'user', 'pupil', 'learner', 'patient', 'account holder']);

const ID_WORDS = '(?:id|number|no|num|ref|reference|identifier|code)(?: number| no)?';
const PERSON_ID = new RegExp(`^(?:(.+?) )?${ID_WORDS}$`);
const ADDRESS_LINE = /^address(?: line)?(?: \d| one| two| three)$/;

function clean(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Prénom" and "Prenom" are one field
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\be mail\b/g, 'email'); // "E-mail" lost its hyphen above
}

function canonical(words: string): NormalisedField | null {
  const known = PHRASES.get(words);
  if (known) return { key: known, identifying: true };
  if (ADDRESS_LINE.test(words)) return { key: 'address', identifying: true };
  const id = PERSON_ID.exec(words);
  if (id) {
    const who = id[1];
    // A bare "ID" in a list of customer fields is the customer's; a bare "Number", "Code" or
    // "Reference" could be anything's (an invoice's, a course's), and "Course code" is not a person's.
    if (who === undefined) {
      if (words === 'id' || words === 'identifier') return { key: 'id', identifying: true };
    } else if (PEOPLE.has(who)) return { key: `${who === 'alumnus' ? 'alumni' : who} id`, identifying: true };
  }
  const space = words.indexOf(' ');
  if (space < 0) return null;
  const head = words.slice(0, space);
  const rest = words.slice(space + 1);
  if (QUALIFIERS.has(head)) return canonical(rest);
  // "Phone (mobile)", "Email (work)": a qualifier written after the field.
  const last = words.lastIndexOf(' ');
  const tail = words.slice(last + 1);
  if (QUALIFIERS.has(tail) || tail === 'mobile') {
    const inner = canonical(words.slice(0, last));
    if (inner && PERSONAL_KEYS.has(inner.key)) return inner;
  }
  // "Donor name", "Parent email": a person's contact detail whoever the person is; but a
  // role in front of an ID was handled above, since "Donor ID" and "Student ID" differ.
  if (PEOPLE.has(head)) {
    const inner = canonical(rest);
    if (inner && PERSONAL_KEYS.has(inner.key)) return inner;
  }
  return null;
}

const cache = new Map<string, NormalisedField>();

/** One field name as its canonical key; pure, cached since the same names recur on every edit. */
export function normaliseField(name: string): NormalisedField {
  const hit = cache.get(name);
  if (hit) return hit;
  const words = clean(name);
  const result = canonical(words) ?? { key: words, identifying: false };
  if (cache.size > 10_000) cache.clear();
  cache.set(name, result);
  return result;
}

/**
 * Name, e-mail and phone: nearly every store holds them, whoever its customers are, so sharing
 * them alone does not make two stores copies of each other.
 */
const EVERYONE_HAS = new Set(['name', 'email', 'phone']);

/** Fields about the record rather than the customer: any population's store may have them. */
const RECORD_KEEPING = new Set(['notes', 'note', 'comments', 'comment', 'title', 'salutation', 'status', 'date', 'date added',
  'date created', 'created', 'last updated', 'updated', 'source', 'referral source', 'type', 'category', 'consent',
  'marketing consent', 'gdpr consent', 'opt in', 'campaign', 'campaign code', 'interests', 'tags', 'reference', 'ref',
  'number', 'no', 'code', 'amount']);

/**
 * Whether two stores sharing this key are likely to hold the same customers: an ID, a date of
 * birth, an address, or the domain's own data (course, graduation year, gift history, tenancy),
 * weighed above the name and e-mail every store has and the record-keeping fields any has.
 */
export function tellsPopulation(key: string): boolean {
  return !EVERYONE_HAS.has(key) && !RECORD_KEEPING.has(key);
}

/** Words that make a field sensitive by nature (special category data, identity and bank details). */
const SENSITIVE = /\b(?:date of birth|health|medical|disabilit(?:y|ies)|ethnic(?:ity)?|race|religio(?:n|us)|belief|sexual|sexuality|gender identity|criminal|convictions?|bank|sort code|account number|iban|passport|ni number|national insurance|visa|immigration|trade union|biometric|genetic)\b/;

/** A field that is sensitive by nature, whatever the store says (date of birth, health, ethnicity, bank details...). */
export function sensitiveByNature(key: string): boolean {
  return SENSITIVE.test(key);
}

/** A store's fields by key, keeping the names as written for explanations. */
export type FieldSet = Map<string, { identifying: boolean; names: string[] }>;

export function fieldSet(names: readonly string[]): FieldSet {
  const out: FieldSet = new Map();
  for (const name of names) {
    if (name.trim() === '') continue;
    const { key, identifying } = normaliseField(name);
    if (key === '') continue;
    const entry = out.get(key);
    if (entry) entry.names.push(name);
    else out.set(key, { identifying, names: [name] });
  }
  return out;
}

export function mergeFieldSets(sets: readonly FieldSet[]): FieldSet {
  const out: FieldSet = new Map();
  for (const set of sets) {
    for (const [key, v] of set) {
      const entry = out.get(key);
      if (entry) entry.names.push(...v.names.filter((n) => !entry.names.includes(n)));
      else out.set(key, { identifying: v.identifying, names: [...v.names] });
    }
  }
  return out;
}

/** Keys held by both, in the first set's order. */
export function sharedKeys(a: FieldSet, b: FieldSet): string[] {
  const keys: string[] = [];
  for (const key of a.keys()) if (b.has(key)) keys.push(key);
  return keys;
}

/** How a key reads in a sentence: "e-mail address", "student ID". */
export function fieldLabel(key: string): string {
  if (key === 'email') return 'e-mail address';
  if (key === 'phone') return 'phone number';
  if (key === 'id') return 'ID';
  if (key === 'ni number') return 'NI number';
  if (key === 'ucas id') return 'UCAS ID';
  return key.endsWith(' id') ? `${key.slice(0, -3)} ID` : key;
}
