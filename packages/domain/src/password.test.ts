import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password';

describe('password limits', () => {
  it('are 8 and 128', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });
});

describe('checkPassword', () => {
  it.each<[string, string, string, PasswordProblem | null]>([
    // length
    ['7 characters', 'abc1234', 'liming', 'too_short'],
    ['8 characters', 'abcd1234', 'liming', null],
    ['empty', '', 'liming', 'too_short'],
    ['128 characters', `${'a'.repeat(127)}1`, 'liming', null],
    ['129 characters', `${'a'.repeat(128)}1`, 'liming', 'too_long'],
    ['very long', 'a1'.repeat(1000), 'liming', 'too_long'],
    ['too short wins over letters-only', 'abcdefg', 'liming', 'too_short'],
    ['too long wins over letters-only', 'a'.repeat(129), 'liming', 'too_long'],
    // letters and digits
    ['letters only', 'abcdefgh', 'liming', 'needs_letter_and_digit'],
    ['digits only', '12345678', 'liming', 'needs_letter_and_digit'],
    ['symbols and digits', '!@#$%^&1', 'liming', 'needs_letter_and_digit'],
    ['Chinese and digits (letters are A-Z)', '扶贫工作12345', 'liming', 'needs_letter_and_digit'],
    ['upper-case letters and digits', 'ABCD1234', 'liming', null],
    ['letters, digits and symbols', 'a1!b2@c3#', 'liming', null],
    ['letters, digits and spaces', 'my pass 99', 'liming', null],
    // username
    ['contains the username', 'liming2020', 'liming', 'same_as_username'],
    ['is the username with digits in front', '2020liming', 'liming', 'same_as_username'],
    ['contains the username in another case', 'LiMing2020', 'liming', 'same_as_username'],
    ['username in upper case', 'xliming2020', 'LIMING', 'same_as_username'],
    ['contains a 3-character username', 'abc12345', 'abc', 'same_as_username'],
    ['contains a 2-character username (not checked)', 'ab123456', 'ab', null],
    ['contains a 1-character username (not checked)', 'a1234567', 'a', null],
    ['empty username (not checked)', 'abcd1234', '', null],
    ['does not contain the username', 'abcd1234', 'liming', null],
    ['contains only part of the username', 'limin123', 'liming', null],
    ['username with digits inside the password', 'xx-zhang.3-yy', 'zhang.3', 'same_as_username'],
  ])('%s: %j for %j → %s', (_label, password, username, problem) => {
    expect(checkPassword(password, username)).toBe(problem);
  });
});
