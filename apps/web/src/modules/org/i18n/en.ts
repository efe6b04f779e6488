import type { Messages } from '../../../i18n/messages';

/** English texts of the sending units (派出单位) of a township (the Chinese in ./zh-CN.ts is the reference). */
export const workUnitsEn: Messages['workUnits'] = {
  title: 'Sending units',
  hint: 'The units that send assistance cadres, and their heads. A sending unit’s head is named in the accountability chain beside its cadres.',
  add: 'Add sending unit',
  addShort: 'Add',
  addTitle: 'Add sending unit',
  editTitle: 'Edit sending unit',
  name: 'Name',
  namePlaceholder: 'e.g. County Transport Bureau',
  headName: 'Head',
  headTitle: 'Title',
  headTitlePlaceholder: 'e.g. Director',
  headPhone: 'Phone',
  cadreCount: 'Cadres',
  cadres: 'Cadres: {{count}}',
  sortOrder: 'Order',
  headHelp: 'The head needs no account; the accountability chain names them by name.',
  noHead: 'No head recorded',
  empty: 'No sending units recorded yet',
  created: 'Sending unit “{{name}}” added',
  deleteConfirm: 'Delete sending unit “{{name}}”?',
  deleteHint: 'A unit that still has cadres cannot be deleted.',
  readOnly: 'You can see the sending units but not change them.',
};
