/**
 * JUnit XML (CI test reports): a test suite per file; each error is a failed
 * test case, each warning or info a passing one with the finding in its
 * output, and a clean file one passing test case. What a finding quotes
 * from a document comes escaped (see `printable` in common.ts); xmlbuilder2
 * escapes the markup and drops whatever else XML 1.0 cannot hold at all, in
 * attributes and text alike.
 */
import type {VFile} from 'vfile'
import {create} from 'xmlbuilder2'
import {filePath, severity, span, withNote} from './common.js'
import {sortedMessages} from './order.js'

/** The JUnit XML report of the files' findings. */
export function formatJunit(files: VFile[]): string {
  const document = create({version: '1.0', encoding: 'UTF-8', invalidCharReplacement: ''})
  const suites = document.ele('testsuites', {name: 'designlint'})
  let tests = 0
  let failures = 0
  for (const file of files) {
    const name = filePath(file)
    const messages = sortedMessages(file)
    const errors = messages.filter((message) => message.fatal).length
    const count = Math.max(messages.length, 1)
    const suite = suites.ele('testsuite', {name, tests: String(count), failures: String(errors), errors: '0'})
    for (const message of messages) {
      const {line, column} = span(message)
      const ruleId = message.ruleId ?? 'designlint'
      const testcase = suite.ele('testcase', {classname: name, name: `${line}:${column} ${ruleId}`})
      if (message.fatal) {
        testcase
          .ele('failure', {type: ruleId, message: message.reason})
          .txt(withNote(`${name}:${line}:${column} ${message.reason}`, message, '\n'))
      } else {
        testcase.ele('system-out').txt(withNote(`${severity(message)}: ${message.reason}`, message, '\n'))
      }
    }
    if (messages.length === 0) suite.ele('testcase', {classname: name, name: 'designlint'})
    tests += count
    failures += errors
  }
  suites.att({tests: String(tests), failures: String(failures), errors: '0'})
  return document.end({prettyPrint: true})
}
