/**
 * designlint's public API. The default export is the unified plugin, so
 * remark-cli and the language server load it from `.remarkrc`:
 * `plugins: [["designlint", {preset: "production"}]]`.
 */
export {default, default as designlint, defaultPreset, type Options} from './plugin/plugin.js'
export {rules} from '../rules/index.js'
export {compileTemplate, walkSections, headingLine} from './template/compile.js'
export {builtinPresets, loadPreset, PresetError} from './preset/load.js'
export {findConfig, loadConfigFile, ConfigError, type Settings, type RuleSetting} from './config/config.js'
export {createProcessor, lintFiles, lintText} from './plugin/processor.js'
export {getAnalysis, type Analysis} from './analysis/analysis.js'
export {alignDocument} from './align/align.js'
export {buildDocument} from './document/build.js'
export {ruleIds, ruleUrl} from './rule/meta.js'
export type * from './template/types.js'
