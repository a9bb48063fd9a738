import { describe, expect, it } from 'vitest';
import { normaliseField } from '../../src/core/analysis';

const keyOf = (name: string) => normaliseField(name).key;

describe('normaliseField', () => {
  it.each([
    ['email', ['Email', 'E-mail', 'e-mail address', 'EMAIL ADDRESS', ' email_address ', 'Personal email', 'Contact e-mail']],
    ['phone', ['Telephone', 'Phone number', 'Mobile', 'Mobile phone', 'Tel.', 'Home telephone', 'Phone (mobile)']],
    ['postcode', ['Post code', 'Postcode', 'ZIP', 'Zip code', 'Postal code']],
    ['address', ['Address', 'Home address', 'Postal address', 'Address line 1']],
    ['student id', ['Student number', 'Student ID', 'Student No.', 'student-id']],
    ['name', ['Name', 'Full name', 'First name', 'Last name', 'Forename', 'Surname', 'Donor name', 'Contact name', 'Payer name',
      'First and last name', 'First & last name', 'Forename and surname']],
    ['date of birth', ['Date of birth', 'DOB', 'D.O.B.', 'Birth date']],
  ])('reads every spelling of %s as one identifying key', (key, names) => {
    for (const name of names) expect(normaliseField(name), name).toEqual({ key, identifying: true });
  });

  it('keeps other fields as their cleaned name, not identifying', () => {
    expect(normaliseField('Course of interest')).toEqual({ key: 'course of interest', identifying: false });
    expect(normaliseField('Gift Aid declaration')).toEqual({ key: 'gift aid declaration', identifying: false });
    expect(normaliseField('Graduation-Year')).toEqual({ key: 'graduation year', identifying: false });
  });

  it('does not take a thing’s name or code for a person’s', () => {
    expect(normaliseField('School name').identifying).toBe(false);
    expect(normaliseField('Course code').identifying).toBe(false);
    expect(normaliseField('Course ID').identifying).toBe(false);
    expect(keyOf('School name')).not.toBe('name');
  });

  it('does not take a bare number, code or reference for a person’s ID (an invoice has one too)', () => {
    for (const name of ['Number', 'No.', 'Reference', 'Ref', 'Code', 'Num']) expect(normaliseField(name).identifying, name).toBe(false);
    expect(normaliseField('Identifier')).toEqual({ key: 'id', identifying: true });
  });

  it('tells IDs of different people apart, and all of them identify', () => {
    expect(normaliseField('Donor ID')).toEqual({ key: 'donor id', identifying: true });
    expect(keyOf('Donor ref')).toBe('donor id');
    expect(keyOf('Donor ID')).not.toBe(keyOf('Student ID'));
    expect(normaliseField('ID')).toEqual({ key: 'id', identifying: true });
    expect(keyOf('Student ID number')).toBe('student id');
    expect(keyOf('UCAS number')).toBe('ucas id');
  });

  it('ignores case, accents and punctuation', () => {
    expect(keyOf('  COURSE  of   Interest!! ')).toBe('course of interest');
    expect(keyOf('Prénom usuel')).toBe(keyOf('prenom usuel'));
  });
});
