#!/usr/bin/env bash
# The action's check step: annotations on the pull request (workflow commands
# on stdout) and a Markdown summary of the same findings for the job summary.
set -uo pipefail
cli="$GITHUB_ACTION_PATH/dist/bundle/cli.js"
options=()
[ -n "${DESIGNLINT_PRESET:-}" ] && options+=(--preset "$DESIGNLINT_PRESET")
[ -n "${DESIGNLINT_CHANGED_SINCE:-}" ] && options+=(--changed-since "$DESIGNLINT_CHANGED_SINCE")
[ -n "${DESIGNLINT_BASELINE:-}" ] && options+=(--baseline "$DESIGNLINT_BASELINE")
# Word splitting is wanted: paths and extra options are space-separated inputs.
# shellcheck disable=SC2206
paths=(${DESIGNLINT_PATHS:-.})
# shellcheck disable=SC2206
extra=(${DESIGNLINT_ARGS:-})
node "$cli" --format github "${options[@]}" "${extra[@]}" "${paths[@]}"
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  node "$cli" --format markdown "${options[@]}" "${extra[@]}" "${paths[@]}" >> "$GITHUB_STEP_SUMMARY" 2>/dev/null || true
fi
exit "$status"
