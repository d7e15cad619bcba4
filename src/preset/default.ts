/** The preset used when nothing names one (kept apart so the CLI can name it without loading presets). */
export const defaultPreset = 'standard'
