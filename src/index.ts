/**
 * designlint's public API. The default export is the unified plugin, so
 * remark-cli and the language server load it from `.remarkrc`:
 * `plugins: [["designlint", {preset: "production"}]]`.
 */
export {default, default as designlint, defaultPreset, type Options} from './plugin/plugin.js'
export {rules, ruleIds, ruleMetas} from '../rules/index.js'
export {defineRule, ruleUrl, type DesignlintRule, type RuleMeta} from './rule/define.js'
export {compileTemplate} from './template/compile.js'
export {headingLine, walkSections} from './template/headings.js'
export {builtinPresets, loadPreset, PresetError} from './preset/load.js'
export {clearConfigCache, findConfig, loadConfigFile, ConfigError, type Settings, type RuleSetting} from './config/config.js'
export {createProcessor, lintFiles, lintText} from './plugin/processor.js'
export {analyze, type Analysis} from './analysis/analysis.js'
export {alignDocument, isPresent, isTitle} from './align/align.js'
export {buildDocument} from './document/build.js'
export {DesignlintError} from './util/errors.js'
export type * from './template/types.js'
export type * from './document/types.js'
export type * from './align/types.js'
