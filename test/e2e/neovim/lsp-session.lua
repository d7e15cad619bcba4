-- A headless Neovim session with its built-in LSP client and
-- designlint-language-server, run by test/e2e/neovim.test.ts:
--
--   nvim --headless -u NONE -c "luafile test/e2e/neovim/lsp-session.lua"
--
-- It opens a real buffer of a Markdown file, attaches the server to it (with
-- vim.lsp.start_client and vim.lsp.buf_attach_client, which Neovim 0.7 has;
-- vim.lsp.start only came in 0.8) or, with DESIGNLINT_NVIM_ATTACH=config,
-- finds the client that the user's config (loaded with -u: the README's
-- block) attached on the FileType event, waits for the diagnostics, asks for the
-- code actions of two of them (a misspelt heading and a misspelt status),
-- applies each one's edit to the buffer and waits for the server to lint the
-- changed buffer again. Everything it sees goes as JSON to the file named by
-- DESIGNLINT_NVIM_OUT; then Neovim quits, whatever happened.
--
-- Its inputs come from the environment:
--   DESIGNLINT_NVIM_OUT     where to write the observations (JSON)
--   DESIGNLINT_NVIM_DOC     the Markdown file to open
--   DESIGNLINT_NVIM_ROOT    the workspace folder (holds .designlintrc.json)
--   DESIGNLINT_NVIM_NODE    the node executable
--   DESIGNLINT_NVIM_SERVER  the server's script (dist/bundle/language-server.js)
--   DESIGNLINT_NVIM_WAIT_MS how long to wait for each answer (default 20000)
--   DESIGNLINT_NVIM_ATTACH  `config`: the -u config starts and attaches the client

local wait_ms = tonumber(vim.env.DESIGNLINT_NVIM_WAIT_MS or '') or 20000
local observations = { steps = {} }

--- Write the observations and quit Neovim.
local function finish()
  local file = io.open(vim.env.DESIGNLINT_NVIM_OUT, 'w')
  if file then
    file:write(vim.fn.json_encode(observations))
    file:close()
  end
  vim.cmd('qall!')
end

--- The diagnostics of a buffer, as plain tables that survive json_encode.
local function diagnostics_of(bufnr)
  local list = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      code = diagnostic.code,
      source = diagnostic.source,
      message = diagnostic.message,
      severity = diagnostic.severity,
      lnum = diagnostic.lnum,
      col = diagnostic.col,
      end_lnum = diagnostic.end_lnum,
      end_col = diagnostic.end_col,
    })
  end
  table.sort(list, function(a, b)
    return a.lnum < b.lnum
  end)
  return list
end

--- Whether a buffer has a diagnostic with this rule code.
local function has_code(bufnr, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == code then
      return true
    end
  end
  return false
end

--- A diagnostic back in the LSP's shape, with the server's own fields
--- (`data`, which holds the fix) from user_data.lsp. The document is ASCII,
--- so byte columns are UTF-16 columns.
local function to_lsp(diagnostic)
  local lsp = vim.deepcopy((diagnostic.user_data or {}).lsp or {})
  lsp.range = {
    start = { line = diagnostic.lnum, character = diagnostic.col },
    ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col },
  }
  lsp.message = diagnostic.message
  lsp.code = diagnostic.code
  lsp.source = diagnostic.source
  lsp.severity = diagnostic.severity
  return lsp
end

--- Ask the server for the code actions of the diagnostic with `code`, apply
--- the preferred (or first) one and wait until that diagnostic is gone.
local function fix(bufnr, client, code)
  local step = { code = code }
  table.insert(observations.steps, step)
  local target
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == code then
      target = diagnostic
    end
  end
  if not target then
    step.error = 'no diagnostic ' .. code
    return false
  end
  local lsp_diagnostic = to_lsp(target)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, wait_ms) or {}
  local actions = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(actions, action)
    end
  end
  step.actions = vim.tbl_map(function(action)
    return action.title
  end, actions)
  local chosen = actions[1]
  for _, action in ipairs(actions) do
    if action.isPreferred then
      chosen = action
    end
  end
  if not chosen or not chosen.edit then
    step.error = 'no code action with an edit'
    return false
  end
  step.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  step.line_after_edit = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  -- The edit changed the buffer, so the client sent didChange; the server
  -- lints again and publishes: the fixed diagnostic goes away.
  step.relinted = vim.wait(wait_ms, function()
    return not has_code(bufnr, code)
  end, 50)
  step.diagnostics = diagnostics_of(bufnr)
  return step.relinted
end

--- The client the user's config (the README's block, loaded with -u) attached to a buffer.
local function configured_client(bufnr)
  local found
  vim.wait(wait_ms, function()
    for _, client in pairs(vim.lsp.get_active_clients()) do
      if client.name == 'designlint' and vim.lsp.buf_is_attached(bufnr, client.id) then
        found = client.id
        return true
      end
    end
    return false
  end, 50)
  return found
end

local function main()
  observations.version = vim.version()
  local root = vim.env.DESIGNLINT_NVIM_ROOT
  local from_config = vim.env.DESIGNLINT_NVIM_ATTACH == 'config'
  observations.attached_by = from_config and 'config' or 'script'
  local client_id
  if not from_config then
    client_id = vim.lsp.start_client({
      name = 'designlint',
      cmd = { vim.env.DESIGNLINT_NVIM_NODE, vim.env.DESIGNLINT_NVIM_SERVER, '--stdio' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = 'docs' } },
    })
    if not client_id then
      observations.error = 'vim.lsp.start_client did not start the server'
      return
    end
  else
    -- As in a user's Neovim, where filetype detection is on by default: it fires the config's FileType autocmd.
    vim.cmd('filetype on')
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DESIGNLINT_NVIM_DOC))
  local bufnr = vim.api.nvim_get_current_buf()
  if from_config then
    client_id = configured_client(bufnr)
    if not client_id then
      observations.error = 'the config attached no designlint client to the buffer (filetype ' .. vim.bo[bufnr].filetype .. ')'
      return
    end
    observations.attached = true
  else
    vim.bo[bufnr].filetype = 'markdown'
    observations.attached = vim.lsp.buf_attach_client(bufnr, client_id)
  end
  observations.filetype = vim.bo[bufnr].filetype

  local client
  observations.initialized = vim.wait(wait_ms, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  if not observations.initialized then
    observations.error = 'the server did not initialize'
    return
  end
  observations.server_name = (client.server_info or {}).name

  observations.diagnosed = vim.wait(wait_ms, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  observations.diagnostics = diagnostics_of(bufnr)
  if not observations.diagnosed then
    observations.error = 'no diagnostics'
    return
  end

  if fix(bufnr, client, 'required-sections') then
    fix(bufnr, client, 'field-values')
  end
  -- Write the fixed buffer, so the test can compare it with the valid document.
  vim.cmd('silent write')
  observations.final_diagnostics = diagnostics_of(bufnr)
  vim.lsp.stop_client(client_id)
  observations.stopped = vim.wait(5000, function()
    return vim.lsp.client_is_stopped(client_id)
  end, 50)
end

local ok, problem = xpcall(main, debug.traceback)
if not ok then
  observations.error = tostring(problem)
end
finish()
