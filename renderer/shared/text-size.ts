import { el } from './dom.js'

// Text zoom for the documents (the interface stays as it is): smaller / larger buttons, remembered
// for this browser profile. The whole window zooms with the browser's or Electron's own zoom.

const KEY = 'parallax.textScale'
/** Steps of the reading text's size, as a factor of the default. */
const STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6]

export function textSizeControls(): HTMLElement {
  let step = STEPS.indexOf(Number(localStorage.getItem(KEY) ?? 1))
  if (step < 0) step = STEPS.indexOf(1)
  const apply = () => {
    document.documentElement.style.setProperty('--reading-scale', String(STEPS[step]))
    localStorage.setItem(KEY, String(STEPS[step]))
    smaller.disabled = step === 0
    larger.disabled = step === STEPS.length - 1
  }
  const smaller = el('button', { type: 'button', class: 'icon', 'aria-label': 'Smaller text', title: 'Smaller text' }, 'A−')
  const larger = el('button', { type: 'button', class: 'icon', 'aria-label': 'Larger text', title: 'Larger text' }, 'A+')
  smaller.addEventListener('click', () => {
    step = Math.max(0, step - 1)
    apply()
  })
  larger.addEventListener('click', () => {
    step = Math.min(STEPS.length - 1, step + 1)
    apply()
  })
  apply()
  return el('span', { class: 'text-size', role: 'group', 'aria-label': 'Text size' }, smaller, larger)
}
