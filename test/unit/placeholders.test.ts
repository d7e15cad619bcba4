import {describe, expect, it} from 'vitest'
import {
  containsPlaceholder,
  findPlaceholders,
  hasPlaceholder,
  isPlaceholder,
  readsAsWords,
  splitPlaceholders,
  templatePlaceholders,
} from '../../src/util/placeholders.js'

describe('findPlaceholders', () => {
  it('finds square, angle and curly placeholders with their offsets', () => {
    expect(findPlaceholders('Owner: [Name] <email> {team}')).toEqual([
      {value: '[Name]', index: 7},
      {value: '<email>', index: 14},
      {value: '{team}', index: 22},
    ])
  })

  it('finds placeholders of several words', () => {
    expect(findPlaceholders('# Design: [Feature Name]')).toEqual([{value: '[Feature Name]', index: 10}])
    expect(findPlaceholders('<Project / Feature Name>')).toEqual([{value: '<Project / Feature Name>', index: 0}])
  })

  it('does not take footnote references', () => {
    expect(findPlaceholders('As measured[^1], and again[^note].')).toEqual([])
  })

  it('does not take comparisons, empty or multi-line brackets', () => {
    expect(findPlaceholders('when a < b > c')).toEqual([])
    expect(findPlaceholders('[] {} <>')).toEqual([])
    expect(findPlaceholders('[first\nsecond]')).toEqual([])
  })

  it('takes the innermost of nested brackets', () => {
    expect(findPlaceholders('[[Name]]')).toEqual([{value: '[Name]', index: 1}])
  })

  it('does not take task boxes, escaped brackets or brackets that open with a space or a mark', () => {
    expect(findPlaceholders('- [ ] Tests written\n- [x] Docs\n- [X] Runbook')).toEqual([])
    expect(findPlaceholders(String.raw`An escaped \[Name\] and \<Name\>`)).toEqual([])
    expect(findPlaceholders('## Motivation {#motivation} {: .wide} { t }')).toEqual([])
    expect(findPlaceholders('A <-> B, A <=> B, and <!-- note --> </div>')).toEqual([])
    expect(findPlaceholders('errors <1% (page at >0.5%)')).toEqual([])
  })

  it('does not take Markdown link syntax', () => {
    expect(findPlaceholders('See [the guide](https://example.com) and [the runbook][runbook].')).toEqual([])
    expect(findPlaceholders('Look at the [existing SLOs].\n\n[existing SLOs]: https://example.com/slos')).toEqual([])
    expect(findPlaceholders('[runbook]: https://example.com/runbook "Runbook"')).toEqual([])
    expect(findPlaceholders('- [Dependency name]: the snapshot controller')).toEqual([{value: '[Dependency name]', index: 2}])
    expect(findPlaceholders('[Metric 1]: [Target]')).toEqual([
      {value: '[Metric 1]', index: 0},
      {value: '[Target]', index: 12},
    ])
  })

  it('takes the innermost bracket only', () => {
    expect(findPlaceholders('<<[UNRESOLVED]>>')).toEqual([{value: '[UNRESOLVED]', index: 2}])
    expect(findPlaceholders('{[TBD] or an open question}')).toEqual([{value: '[TBD]', index: 1}])
  })

  it('finds the date mask only when asked', () => {
    expect(findPlaceholders('Date: YYYY-MM-DD')).toEqual([])
    expect(findPlaceholders('Date: YYYY-MM-DD', {dateMask: true})).toEqual([{value: 'YYYY-MM-DD', index: 6}])
    expect(findPlaceholders('[Name] on YYYY-MM-DD', {dateMask: true})).toEqual([
      {value: '[Name]', index: 0},
      {value: 'YYYY-MM-DD', index: 10},
    ])
  })

  it('takes the date mask as a whole word only', () => {
    expect(findPlaceholders('XYYYY-MM-DD', {dateMask: true})).toEqual([])
    expect(findPlaceholders('YYYY-MM', {dateMask: true})).toEqual([])
  })

  it('finds nothing in plain text', () => {
    expect(findPlaceholders('Nothing to fill in here.')).toEqual([])
    expect(findPlaceholders('')).toEqual([])
  })

  it('gives the same answer when called again (no shared regex state)', () => {
    const text = 'Owner: [Name], due YYYY-MM-DD'
    const first = findPlaceholders(text, {dateMask: true})
    expect(findPlaceholders(text, {dateMask: true})).toEqual(first)
    expect(findPlaceholders(text)).toEqual([{value: '[Name]', index: 7}])
    expect(findPlaceholders(text, {dateMask: true})).toEqual(first)
  })
})

describe('containsPlaceholder', () => {
  it('tells text with a placeholder', () => {
    expect(containsPlaceholder('Owner: <Name>')).toBe(true)
    expect(containsPlaceholder('{team}')).toBe(true)
    expect(containsPlaceholder('Jane Doe')).toBe(false)
    expect(containsPlaceholder('see [^1]')).toBe(false)
    expect(containsPlaceholder('YYYY-MM-DD')).toBe(false)
  })

  it('gives the same answer every time (no shared regex state)', () => {
    const answers = [1, 2, 3].map(() => containsPlaceholder('a [Name] b'))
    expect(answers).toEqual([true, true, true])
    expect([containsPlaceholder('[Name]'), containsPlaceholder('plain'), containsPlaceholder('[Name]')]).toEqual([true, false, true])
  })
})

describe('hasPlaceholder', () => {
  it.each([
    ['[Name]', true],
    ['<Name>', true],
    ['YYYY-MM-DD', true],
    ['YYYY', true],
    ['2026-MM-DD', true],
    ['2026-03-14', false],
    ['Jane Doe', false],
    ['see [^1]', false],
  ])('%j → %s', (value, expected) => {
    expect(hasPlaceholder(value)).toBe(expected)
  })

  it('gives the same answer every time (no shared regex state)', () => {
    expect([hasPlaceholder('[Name]'), hasPlaceholder('[Name]'), hasPlaceholder('YYYY'), hasPlaceholder('YYYY')]).toEqual([
      true,
      true,
      true,
      true,
    ])
  })
})

describe('splitPlaceholders', () => {
  it('splits text and placeholders in order', () => {
    expect(splitPlaceholders('Design: [Name] for {team}.')).toEqual([
      {kind: 'text', value: 'Design: '},
      {kind: 'placeholder', value: '[Name]'},
      {kind: 'text', value: ' for '},
      {kind: 'placeholder', value: '{team}'},
      {kind: 'text', value: '.'},
    ])
  })

  it('gives neighbouring placeholders without empty text between them', () => {
    expect(splitPlaceholders('{METHOD}{path}')).toEqual([
      {kind: 'placeholder', value: '{METHOD}'},
      {kind: 'placeholder', value: '{path}'},
    ])
    expect(splitPlaceholders('{METHOD} {path}')).toEqual([
      {kind: 'placeholder', value: '{METHOD}'},
      {kind: 'text', value: ' '},
      {kind: 'placeholder', value: '{path}'},
    ])
  })

  it('gives one text part for text without a placeholder, none for empty text', () => {
    expect(splitPlaceholders('Summary')).toEqual([{kind: 'text', value: 'Summary'}])
    expect(splitPlaceholders('')).toEqual([])
  })

  it('leaves footnote references and the date mask in the text', () => {
    expect(splitPlaceholders('Due YYYY-MM-DD[^1]')).toEqual([{kind: 'text', value: 'Due YYYY-MM-DD[^1]'}])
  })

  it('joins back to the text it split', () => {
    const text = '<a> and [b] and {c} and [^d]'
    expect(
      splitPlaceholders(text)
        .map((part) => part.value)
        .join(''),
    ).toBe(text)
  })
})

describe('readsAsWords', () => {
  it.each([
    'Feature Name',
    'Project / Feature Name',
    'Dependency name',
    'google group thread',
    'team/person',
    'on-call alias',
    'Metric 1',
    'Question 1 - Status: Open/In Progress/Resolved',
    'Who decides the burst size?',
    'How existing data moves, if applicable',
    'e.g., "API gateway config"',
    'IPv6 address of the node',
  ])('%j reads as words', (inner) => {
    expect(readsAsWords(inner)).toBe(true)
  })

  it.each([
    'MAX, MIN',
    'AA, BB',
    'S, M, L',
    'error, ignore',
    '0.5, 1.0',
    '1, 2, 3',
    '5',
    'math.h',
    'K, V',
    'UpstreamTlsContext, String',
    'value_len',
    'r_1^2+r_2^2',
    'plugin="PodTopologySpread"',
    'ed25519|sr25519',
    'TARGET: Kubernetes v1.8',
    'u32; N',
    '#overload',
  ])('%j does not', (inner) => {
    expect(readsAsWords(inner)).toBe(false)
  })
})

describe('isPlaceholder', () => {
  const standard = templatePlaceholders(['[feature name]', '[target]', '<name>', '[kubernetes/enhancements]', '{team}'])
  const none = templatePlaceholders([])
  const at = (text: string, value: string, template = standard) => isPlaceholder(text, {value, index: text.indexOf(value)}, template)

  it('takes what the template writes, save a one-token reference label', () => {
    expect(at('Owner: <Name>', '<Name>')).toBe(true)
    expect(at('We are blocked on [Target] for now.', '[Target]')).toBe(true)
    expect(at('Filed in [kubernetes/enhancements].', '[kubernetes/enhancements]')).toBe(false)
  })

  it('takes text of the same shape and wording', () => {
    expect(at('Ask on <google group thread>.', '<google group thread>')).toBe(true)
    expect(at('Owned by {team/person}.', '{team/person}')).toBe(true)
    expect(at('- [Who decides the burst size?]', '[Who decides the burst size?]')).toBe(true)
    expect(at('- [Describe the rollout plan]', '[Describe the rollout plan]')).toBe(true)
    expect(at('- p99: [Budget]', '[Budget]')).toBe(true)
  })

  it('takes the date mask and filler words in any template', () => {
    expect(at('Due [YYYY-MM-DD].', '[YYYY-MM-DD]', none)).toBe(true)
    expect(at('Owner: [TBD]', '[TBD]', none)).toBe(true)
    expect(at('Owner: <TODO>', '<TODO>', none)).toBe(true)
    expect(at('Owner: [Owner]', '[Owner]')).toBe(true)
    expect(at('See [url] for more.', '[url]', none)).toBe(false)
  })

  it('does not take words in a kind of bracket the template writes no placeholder in', () => {
    expect(at('Ask on <google group thread>.', '<google group thread>', none)).toBe(false)
    expect(at('Labels {along with possible values}:', '{along with possible values}', templatePlaceholders(['<name>']))).toBe(false)
  })

  it('does not take words in a quoted string: a message format', () => {
    expect(at('logs "failed to get node <node name>: <error>"', '<node name>')).toBe(false)
    expect(at('"Ask" on <google group thread>.', '<google group thread>')).toBe(true)
  })

  it('does not take one word in <> or {}: a variable', () => {
    expect(at('kubectl describe hpa <size> first', '<size>')).toBe(false)
    expect(at('in units of {handshake}', '{handshake}')).toBe(false)
  })

  it('does not take square brackets of words that are a link without its definition', () => {
    expect(at('avoid e.g. the [Halting problem] and', '[Halting problem]')).toBe(false)
    expect(at('- [CRD cannot be installed]', '[CRD cannot be installed]')).toBe(false)
    expect(at('- keys: [namespace] to start', '[namespace]')).toBe(false)
  })

  it('does not take notation glued to code or words', () => {
    expect(at('use i32::{MAX, MIN} here', '{MAX, MIN}')).toBe(false)
    expect(at('a Map<Key Type> of', '<Key Type>')).toBe(false)
    expect(at(String.raw`\frac{a number}{d}`, '{a number}')).toBe(false)
    expect(at('GET /pods/{pod name}/log', '{pod name}')).toBe(false)
    expect(at('Passing {Operation Name}Option to', '{Operation Name}')).toBe(false)
  })

  it('does not take sets, tuples, citations or optional markers', () => {
    const all = templatePlaceholders(['[a b]', '<a b>', '{a b}'])
    expect(at('sizes {S, M, L} and', '{S, M, L}', all)).toBe(false)
    expect(at('pods [AA, BB] and', '[AA, BB]', all)).toBe(false)
    expect(at('range [0.5, 1.0] in', '[0.5, 1.0]', all)).toBe(false)
    expect(at('as shown [2, 3].', '[2, 3]', all)).toBe(false)
    expect(at('N/A. [optional]', '[optional]', all)).toBe(false)
  })
})
