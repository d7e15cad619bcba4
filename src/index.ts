/**
 * designlint's public API. The default export is the unified plugin, so
 * remark-cli and the language server load it from `.remarkrc`:
 * `plugins: [["designlint", {preset: "production"}]]`.
 */
export {default, default as designlint, defaultPreset, type Options} from './plugin.js'
export {rules} from '../rules/index.js'
export {compileTemplate, walkSections, headingLine} from './template/compile.js'
export {builtinPresets, loadPreset, PresetError} from './presets.js'
export {findConfig, loadConfigFile, ConfigError, type Settings, type RuleSetting} from './config.js'
export {createProcessor, lintFiles, lintText} from './lint.js'
export {getAnalysis, type Analysis} from './analysis.js'
export {alignDocument} from './align.js'
export {buildDocument} from './model/document.js'
export {ruleIds, ruleUrl} from './meta.js'
export type * from './types.js'
