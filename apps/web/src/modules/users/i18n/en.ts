import type { Messages } from '../../../i18n/messages';

/** English texts of the cadre roster import (the Chinese in ./zh-CN.ts is the reference). */
export const rosterEn: Messages['users']['roster'] = {
  open: 'Import cadres',
  title: 'Import the cadre roster',
  intro:
    "Fill in the township's assistance cadres on the template: the mobile number is the login name; an existing account with that mobile gets its name and sending unit updated and the pairings added; sending units the township lacks are added. The roster is imported only when every row is right; one error and nothing is imported.",
  township: 'Township',
  templateLabel: 'Template',
  template: 'Download template',
  export: 'Export current roster',
  templateHelp:
    'The template explains each column; separate several household numbers with 、. The current roster lists every cadre of the township with their households, to edit and import back.',
  passwordHelp:
    'The initial password of the new accounts; hand it over in person, it must be changed at first login. Existing accounts keep their password.',
  file: 'Roster file',
  pick: 'Choose an .xlsx file',
  notXlsx: 'Choose an Excel file (.xlsx)',
  submit: 'Import',
  running: "Importing; every new account's password is hashed, please wait…",
  errorsHelp: 'Correct each of these in Excel, then choose the file again:',
  doneTitle: '{{rows}} rows imported',
  summary: '{{created}} accounts created, {{updated}} updated, {{workUnits}} sending units added, {{pairings}} households paired',
  workUnitsHint: "Fill in the heads of new sending units on the township's page under Units (Sending units card).",
  again: 'Import another',
};
