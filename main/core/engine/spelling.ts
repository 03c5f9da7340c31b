// British and American spellings of one word share a matching form, so "means of labour" matches
// "means of labor". The rules only need to send both spellings to the same key: turning a British
// word into a non-word ("promise" -> "promize") is harmless as long as it cannot collide with a
// different real word, which is why the blanket rules below are limited to endings where such a
// collision is unknown, and the risky ones (-our, -re, doubled l) use lists of stems.

/** Words whose British and American spellings differ irregularly (British -> American). */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['tyres', 'tires'],
  ['plough', 'plow'],
  ['aluminium', 'aluminum'],
  ['judgement', 'judgment'],
  ['judgements', 'judgments'],
  ['acknowledgement', 'acknowledgment'],
  ['ageing', 'aging'],
  ['cheque', 'check'],
  ['cheques', 'checks'],
  ['kerb', 'curb'],
  ['storey', 'story'],
  ['fulfil', 'fulfill'],
  ['fulfils', 'fulfills'],
  ['fulfilment', 'fulfillment'],
  ['enrol', 'enroll'],
  ['enrolment', 'enrollment'],
  ['instalment', 'installment'],
  ['instalments', 'installments'],
  ['skilful', 'skillful'],
  ['wilful', 'willful'],
  ['practise', 'practice'],
  ['practised', 'practiced'],
  ['practising', 'practicing'],
  ['defence', 'defense'],
  ['defences', 'defenses'],
  ['offence', 'offense'],
  ['offences', 'offenses'],
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['licenced', 'licensed'],
  ['licencing', 'licensing'],
  ['pretence', 'pretense'],
  ['pretences', 'pretenses'],
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['oestrogen', 'estrogen'],
  ['foetus', 'fetus'],
  ['paediatric', 'pediatric'],
  ['anaemia', 'anemia'],
  ['encyclopaedia', 'encyclopedia'],
  ['mould', 'mold'],
  ['moulds', 'molds'],
  ['moulded', 'molded'],
  ['moult', 'molt'],
  ['sceptic', 'skeptic'],
  ['sceptical', 'skeptical'],
  ['jewellery', 'jewelry'],
  ['draught', 'draft'],
])

/** Stems spelled -our in British English (labour, labourer, laboured, favourite, ...). */
const OUR_STEMS = [
  'ardour',
  'armour',
  'behaviour',
  'candour',
  'clamour',
  'colour',
  'demeanour',
  'endeavour',
  'favour',
  'fervour',
  'flavour',
  'harbour',
  'honour',
  'humour',
  'labour',
  'neighbour',
  'odour',
  'parlour',
  'rancour',
  'rigour',
  'rumour',
  'saviour',
  'savour',
  'splendour',
  'succour',
  'tumour',
  'valour',
  'vapour',
  'vigour',
]

/** Stems of words spelled -re in British English (cent-re, cent-res, cent-red, met-re, ...). */
const RE_STEMS = ['cent', 'met', 'lit', 'theat', 'fib', 'calib', 'somb', 'spect', 'lust', 'meag', 'sab', 'mit', 'reconnoit']

/** Verbs that double a final l before -ed/-ing/-er in British English (travelled, modelling, ...). */
const DOUBLE_L_STEMS = [
  'cancel',
  'channel',
  'counsel',
  'dial',
  'duel',
  'equal',
  'fuel',
  'funnel',
  'jewel',
  'label',
  'level',
  'marshal',
  'marvel',
  'model',
  'panel',
  'pedal',
  'quarrel',
  'rival',
  'shovel',
  'signal',
  'total',
  'travel',
  'tunnel',
  'unravel',
]

const OUR_PATTERN = new RegExp(`^(${OUR_STEMS.map((s) => s.slice(0, -3)).join('|')})our`)
const RE_PATTERN = new RegExp(`^(${RE_STEMS.join('|')})re(s|d)?$`)
const RE_ING_PATTERN = new RegExp(`^(${RE_STEMS.join('|')})ring$`)
const DOUBLE_L_PATTERN = new RegExp(`^(${DOUBLE_L_STEMS.join('|')})l(ed|ing|er|ers|or|ors)$`)
/** -ise/-isation/-yse and their inflections. The stem must have at least three letters ("rise" stays). */
const ISE_PATTERN = /^([a-z]{3,}?)(i|y)s(e|es|ed|ing|er|ers|ation|ations|able)$/
const OGUE_PATTERN = /^(catal|dial|anal|monol|prol|epil|travel)ogue(s)?$/

/**
 * Words written with a sign for some of their letters, as the words they are: "&c" (et cetera, as
 * older texts and their editions write it) is "etc", a word written otherwise, as "labour" is
 * "labor" (a near-verbatim copy's variant, not a different word: a reviewer saw "wine &c." and
 * "wine etc." compared as "c" replaced by "etc").
 */
const SIGN_WRITTEN: ReadonlyMap<string, string> = new Map([['&c', 'etc']])

/**
 * The American spelling of a lower-case word, or the word itself; a word written with a sign,
 * as its letters (SIGN_WRITTEN). Only the spelling changes; callers match on the result and report
 * the original text.
 */
export function americanSpelling(word: string): string {
  const irregular = IRREGULAR.get(word) ?? SIGN_WRITTEN.get(word)
  if (irregular !== undefined) return irregular
  let m = OUR_PATTERN.exec(word)
  if (m) return `${m[1]}or${word.slice(m[0].length)}`
  m = RE_PATTERN.exec(word)
  if (m) return `${m[1]}er${m[2] ?? ''}`
  m = RE_ING_PATTERN.exec(word)
  if (m) return `${m[1]}ering`
  m = DOUBLE_L_PATTERN.exec(word)
  if (m) return `${m[1]}${m[2]}`
  m = ISE_PATTERN.exec(word)
  if (m) return `${m[1]}${m[2]}z${m[3]}`
  m = OGUE_PATTERN.exec(word)
  if (m) return `${m[1]}og${m[2] ?? ''}`
  return word
}
