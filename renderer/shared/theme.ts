import { el } from './dom.js'

// Light and dark themes. By default the page follows the OS (prefers-color-scheme, which in
// Electron also follows View › Theme); the button overrides it for this browser profile.

type Choice = 'system' | 'light' | 'dark'
const KEY = 'parallax.theme'
const NEXT: Record<Choice, Choice> = { system: 'light', light: 'dark', dark: 'system' }
const LABEL: Record<Choice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' }

function apply(choice: Choice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = choice
}

/** A button that cycles system → light → dark, remembering the choice. */
export function themeButton(): HTMLButtonElement {
  let choice = (localStorage.getItem(KEY) as Choice | null) ?? 'system'
  if (!(choice in NEXT)) choice = 'system'
  apply(choice)
  const button = el(
    'button',
    { type: 'button', class: 'theme-button', title: 'Switch between the system, light and dark themes' },
    LABEL[choice],
  )
  button.addEventListener('click', () => {
    choice = NEXT[choice]
    localStorage.setItem(KEY, choice)
    apply(choice)
    button.textContent = LABEL[choice]
  })
  return button
}
