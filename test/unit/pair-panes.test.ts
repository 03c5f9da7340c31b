import { describe, expect, it } from 'vitest'
import { pairPanes } from '../../renderer/compare/pair-panes.js'

// Where a pair of documents opened together goes (a matrix cell clicked, the first screen).

describe('the panes a pair opens in', () => {
  it('keeps a pane that shows one of them and puts the other next to it, never one document twice', () => {
    // The tester's panes, China Briefing × Light Blade clicked: China Briefing beside Light Blade.
    expect(pairPanes(['shi', 'emergence', 'light'], 'china', 'light')).toEqual([1, 2])
    expect(pairPanes(['shi', 'emergence', 'light'], 'light', 'china')).toEqual([2, 1])
    expect(pairPanes(['china', 'emergence', 'shi'], 'china', 'light')).toEqual([0, 1])
    expect(pairPanes(['emergence', 'light', 'shi'], 'china', 'light')).toEqual([0, 1])
    expect(pairPanes(['light', 'emergence'], 'china', 'light')).toEqual([1, 0])
  })

  it('leaves both where they are when both are shown, and uses the first two panes when neither is', () => {
    expect(pairPanes(['light', 'emergence', 'china'], 'china', 'light')).toEqual([2, 0])
    expect(pairPanes(['shi', 'emergence', 'yang'], 'china', 'light')).toEqual([0, 1])
    expect(pairPanes([null, null], 'china', 'light')).toEqual([0, 1])
  })
})
